package dev.berth.api.types.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** One entry of {@code GET /images/json}. {@code created} is Unix seconds. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record ImageSummary(
        @JsonProperty("Id") String id,
        @JsonProperty("ParentId") String parentId,
        List<String> repoTags,
        List<String> repoDigests,
        long created,
        long size,
        long sharedSize,
        Map<String, String> labels,
        long containers) {
}
