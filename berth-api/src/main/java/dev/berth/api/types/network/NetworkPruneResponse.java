package dev.berth.api.types.network;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The answer to {@code POST /networks/prune}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record NetworkPruneResponse(List<String> networksDeleted) {
}
