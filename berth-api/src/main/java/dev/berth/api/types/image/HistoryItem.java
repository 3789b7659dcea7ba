package dev.berth.api.types.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** One entry of {@code GET /images/{name}/history}, newest first; {@code id} is "<missing>" for inner layers. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record HistoryItem(@JsonProperty("Id") String id, long created, String createdBy,
        List<String> tags, long size, String comment) {
}
