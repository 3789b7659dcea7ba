package dev.berth.api.types.container;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code POST /containers/prune}: the IDs removed and the bytes their writable layers held. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record ContainerPruneResponse(List<String> containersDeleted, long spaceReclaimed) {
}
