package dev.berth.api.units;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code Status} text dockerd reports for a container in {@code GET /containers/json}
 * (moby's {@code State.String()}): "Created", "Up 3 seconds", "Up 3 seconds (Paused)",
 * "Up 2 hours (healthy)", "Up 5 seconds (health: starting)", "Restarting (1) 2 seconds ago",
 * "Exited (0) 3 minutes ago", "Removal In Progress", "Dead".
 *
 * <p>The order of checks is moby's: a running container's text wins over removal and death;
 * "Paused" wins over restarting and health. Restarting is only reported for a container that is
 * also {@code running}, because dockerd keeps {@code Running} set while it restarts one.
 */
public final class ContainerStatusText {

    /**
     * The state fields the text depends on.
     *
     * @param startedAt  null when the container never started (Go's zero time)
     * @param finishedAt null when the container never finished
     * @param health     the health status ("starting", "healthy", "unhealthy"), or null when the
     *                   container has no health check
     */
    public record State(boolean running, boolean paused, boolean restarting, boolean removalInProgress,
                        boolean dead, int exitCode, Instant startedAt, Instant finishedAt, String health) {
    }

    private ContainerStatusText() {
    }

    /** The status text of {@code state} as seen at {@code now}. */
    public static String of(State state, Instant now) {
        if (state.running()) {
            String up = "Up " + since(state.startedAt(), now);
            if (state.paused()) {
                return up + " (Paused)";
            }
            if (state.restarting()) {
                return "Restarting (" + state.exitCode() + ") " + since(state.finishedAt(), now) + " ago";
            }
            if (state.health() != null) {
                return up + " (" + healthText(state.health()) + ")";
            }
            return up;
        }
        if (state.removalInProgress()) {
            return "Removal In Progress";
        }
        if (state.dead()) {
            return "Dead";
        }
        if (isZero(state.startedAt())) {
            return "Created";
        }
        if (isZero(state.finishedAt())) {
            return "";
        }
        return "Exited (" + state.exitCode() + ") " + since(state.finishedAt(), now) + " ago";
    }

    /**
     * Whether {@code t} is "never": null, or Go's zero time ("0001-01-01T00:00:00Z") as it comes
     * back from the API's JSON.
     */
    public static boolean isZero(Instant t) {
        return t == null || !t.isAfter(GO_ZERO_TIME);
    }

    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    // moby: an empty health status counts as unhealthy (the monitor is not set up yet).
    private static String healthText(String status) {
        return switch (status) {
            case "starting" -> "health: starting";
            case "" -> "unhealthy";
            default -> status;
        };
    }

    private static String since(Instant t, Instant now) {
        Instant from = t == null ? GO_ZERO_TIME : t;
        return HumanDuration.of(Duration.between(from, now));
    }
}
