package dev.berth.api.types.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.ContainerInspect.GraphDriver;
import java.util.List;

/** The answer to {@code GET /images/{name}/json}. {@code created} is RFC 3339. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record ImageInspect(
        @JsonProperty("Id") String id,
        List<String> repoTags,
        List<String> repoDigests,
        String parent,
        String comment,
        String created,
        String dockerVersion,
        String author,
        ContainerConfig config,
        String architecture,
        String variant,
        String os,
        long size,
        GraphDriver graphDriver,
        @JsonProperty("RootFS") RootFs rootFs,
        Metadata metadata) {

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record RootFs(String type, List<String> layers) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record Metadata(String lastTagTime) {
    }
}
