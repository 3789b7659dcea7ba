package dev.berth.api.types.volume;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code GET /volumes}: the volumes and warnings (an empty list, never null). */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record VolumeListResponse(List<Volume> volumes, List<String> warnings) {
}
