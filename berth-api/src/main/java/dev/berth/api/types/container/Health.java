package dev.berth.api.types.container;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * {@code State.Health} of container inspect: {@code status} is starting, healthy or unhealthy;
 * {@code log} holds the last five probe results, oldest first.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Health(String status, int failingStreak, List<Result> log) {

    /** One probe: when it ran (RFC 3339 with nanoseconds), its exit code (-1: timed out) and output. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record Result(String start, String end, int exitCode, String output) {
    }
}
