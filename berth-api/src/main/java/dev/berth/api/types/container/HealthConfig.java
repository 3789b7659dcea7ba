package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A healthcheck as in an image or create request; durations are nanoseconds. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthConfig(List<String> test, Long interval, Long timeout, Long startPeriod,
        Long startInterval, Integer retries) {
}
