package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * One entry of {@code HostConfig.Mounts} ({@code --mount}): a bind, volume or tmpfs mount as
 * the API describes it. Only the options berth acts on.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mount(String type, String source, String target, Boolean readOnly, BindOptions bindOptions,
        VolumeOptions volumeOptions, TmpfsOptions tmpfsOptions) {

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BindOptions(String propagation, Boolean nonRecursive, Boolean createMountpoint) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VolumeOptions(Boolean noCopy, Map<String, String> labels, DriverConfig driverConfig,
            String subpath) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DriverConfig(String name, Map<String, String> options) {
    }

    /** {@code mode} is the numeric file mode (the CLI sends 1777 octal as 1023). */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TmpfsOptions(Long sizeBytes, Integer mode) {
    }
}
