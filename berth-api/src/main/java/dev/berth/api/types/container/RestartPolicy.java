package dev.berth.api.types.container;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure} with a retry limit. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record RestartPolicy(String name, Integer maximumRetryCount) {
}
