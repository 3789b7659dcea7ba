package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code State} of container inspect. {@code status} is one of created, running, paused,
 * restarting, removing, exited, dead; the booleans are derived from it, as dockerd does.
 * Times are RFC 3339 with nanoseconds; {@code 0001-01-01T00:00:00Z} for never. {@code health}
 * is null (absent) for a container without a healthcheck, as dockerd leaves it out.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record ContainerState(
        String status,
        boolean running,
        boolean paused,
        boolean restarting,
        @JsonProperty("OOMKilled") boolean oomKilled,
        boolean dead,
        int pid,
        int exitCode,
        String error,
        String startedAt,
        String finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Health health) {

    /** A state without health (a container with no healthcheck). */
    public ContainerState(String status, boolean running, boolean paused, boolean restarting, boolean oomKilled,
            boolean dead, int pid, int exitCode, String error, String startedAt, String finishedAt) {
        this(status, running, paused, restarting, oomKilled, dead, pid, exitCode, error, startedAt, finishedAt, null);
    }
}
