package dev.berth.engine.containers;

import java.time.Duration;

/**
 * The delay before a restart, as dockerd's restart manager computes it: 100 ms after the
 * first exit, doubling after each further one up to a minute, and back to 100 ms when the
 * run before the exit lasted at least 10 s (the container was healthy for a while).
 * Immutable: {@link #next} gives the state after one more exit.
 *
 * @param delay the delay chosen for the latest exit; zero before any
 */
public record RestartBackoff(Duration delay) {

    public static final Duration FIRST = Duration.ofMillis(100);
    public static final Duration MAX = Duration.ofMinutes(1);
    public static final Duration RESET_AFTER = Duration.ofSeconds(10);
    public static final RestartBackoff INITIAL = new RestartBackoff(Duration.ZERO);

    /** The back-off after one more exit whose run lasted {@code ranFor}. */
    public RestartBackoff next(Duration ranFor) {
        Duration previous = ranFor.compareTo(RESET_AFTER) >= 0 ? Duration.ZERO : delay;
        Duration chosen = previous.isZero() ? FIRST : previous.multipliedBy(2);
        return new RestartBackoff(chosen.compareTo(MAX) > 0 ? MAX : chosen);
    }
}
