package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** One entry of {@code GET /containers/json}. {@code names} carry dockerd's leading slash. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record ContainerSummary(
        @JsonProperty("Id") String id,
        List<String> names,
        String image,
        @JsonProperty("ImageID") String imageId,
        String command,
        long created,
        List<Port> ports,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRw,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRootFs,
        Map<String, String> labels,
        String state,
        String status,
        SummaryHostConfig hostConfig,
        SummaryNetworkSettings networkSettings,
        List<MountPoint> mounts) {

    /** A published (or exposed) port as {@code docker ps} shows it. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Port(@JsonProperty("IP") String ip, Integer privatePort, Integer publicPort,
            String type) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record SummaryHostConfig(String networkMode) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record SummaryNetworkSettings(Map<String, NetworkSettings.EndpointSettings> networks) {
    }
}
