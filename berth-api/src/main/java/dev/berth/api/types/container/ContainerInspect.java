package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** The answer to {@code GET /containers/{id}/json}. {@code name} has dockerd's leading slash. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record ContainerInspect(
        @JsonProperty("Id") String id,
        String created,
        String path,
        List<String> args,
        ContainerState state,
        String image,
        String resolvConfPath,
        String hostnamePath,
        String hostsPath,
        String logPath,
        String name,
        int restartCount,
        String driver,
        String platform,
        String mountLabel,
        String processLabel,
        String appArmorProfile,
        @JsonProperty("ExecIDs") List<String> execIds,
        HostConfig hostConfig,
        GraphDriver graphDriver,
        Long sizeRw,
        Long sizeRootFs,
        List<MountPoint> mounts,
        ContainerConfig config,
        NetworkSettings networkSettings) {

    /** Where the container's filesystem lives, as dockerd reports its storage driver. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record GraphDriver(String name, Map<String, String> data) {
    }
}
