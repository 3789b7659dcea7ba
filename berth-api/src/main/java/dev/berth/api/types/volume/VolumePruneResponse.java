package dev.berth.api.types.volume;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code POST /volumes/prune}: the names removed and the bytes they held. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record VolumePruneResponse(List<String> volumesDeleted, long spaceReclaimed) {
}
