package dev.berth.engine.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's health: its status, the number of failed probes in a row, and the last
 * {@link #MAX_LOG} results (oldest first). Immutable; each transition is a pure function, so
 * Docker's rules can be tested as tables:
 *
 * <ul>
 *   <li>a success makes it healthy and resets the streak, also within the start period;</li>
 *   <li>a failure while starting and within the start period does not count;</li>
 *   <li>any other failure increments the streak, and at {@code retries} it is unhealthy;</li>
 *   <li>a (re)start of the container or of the monitor begins "starting" with a streak of 0,
 *       keeping the log;</li>
 *   <li>when the monitor stops (container stopped or paused) it reads unhealthy, as dockerd
 *       reports it "for compatibility reasons".</li>
 * </ul>
 */
public record Health(HealthStatus status, int failingStreak, List<ProbeResult> log) {

    public static final int MAX_LOG = 5;

    public Health {
        log = List.copyOf(log);
    }

    public static Health starting() {
        return new Health(HealthStatus.STARTING, 0, List.of());
    }

    /** Starting again (a start of the container), keeping the log. */
    public Health restarted() {
        return new Health(HealthStatus.STARTING, 0, log);
    }

    /** The monitor stopped (the container stopped or was paused). */
    public Health monitorStopped() {
        return new Health(HealthStatus.UNHEALTHY, failingStreak, log);
    }

    /**
     * The health after {@code result}.
     *
     * @param sinceStart how long after the container's start the probe began
     */
    public Health after(ProbeResult result, HealthSettings settings, Duration sinceStart) {
        List<ProbeResult> newLog = new ArrayList<>(log);
        newLog.add(result);
        while (newLog.size() > MAX_LOG) {
            newLog.removeFirst();
        }
        if (result.healthy()) {
            return new Health(HealthStatus.HEALTHY, 0, newLog);
        }
        if (status == HealthStatus.STARTING && sinceStart.compareTo(settings.startPeriod()) < 0) {
            return new Health(status, failingStreak, newLog);
        }
        int streak = failingStreak + 1;
        return new Health(streak >= settings.retries() ? HealthStatus.UNHEALTHY : status, streak, newLog);
    }
}
