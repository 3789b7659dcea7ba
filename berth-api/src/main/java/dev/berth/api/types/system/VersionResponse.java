package dev.berth.api.types.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** The answer to {@code GET /version}: top-level fields and an {@code Engine} component. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record VersionResponse(
        Platform platform,
        List<Component> components,
        String version,
        String apiVersion,
        @JsonProperty("MinAPIVersion") String minApiVersion,
        String gitCommit,
        String goVersion,
        @JsonProperty("Os") String os,
        String arch,
        String kernelVersion,
        String buildTime,
        boolean experimental) {

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record Platform(String name) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record Component(String name, String version, Map<String, String> details) {
    }
}
