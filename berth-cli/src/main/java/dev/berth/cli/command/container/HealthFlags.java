package dev.berth.cli.command.container;

import dev.berth.api.units.GoDuration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --health-*} and {@code --no-healthcheck} flags as docker's CLI turns them into
 * {@code Healthcheck} (cli/command/container/opts.go): none given → null (the image's);
 * {@code --no-healthcheck} → {@code {"Test":["NONE"]}} and refused together with any other;
 * otherwise the given fields (durations in nanoseconds, zeros left out), with
 * {@code ["CMD-SHELL", cmd]} when there is a command, so the daemon fills the rest from the image.
 */
final class HealthFlags {

    private HealthFlags() {
    }

    /** @throws IllegalArgumentException with docker's words for a conflict, a negative value or a bad duration */
    static Map<String, Object> healthcheck(String cmd, String interval, String timeout, String startPeriod,
            String startInterval, Integer retries, boolean none) {
        long intervalNs = nanos("--health-interval", interval);
        long timeoutNs = nanos("--health-timeout", timeout);
        long startPeriodNs = nanos("--health-start-period", startPeriod);
        long startIntervalNs = nanos("--health-start-interval", startInterval);
        int retryCount = retries == null ? 0 : retries;
        boolean any = (cmd != null && !cmd.isEmpty()) || intervalNs != 0 || timeoutNs != 0 || startPeriodNs != 0
                || retryCount != 0 || startIntervalNs != 0;
        if (none) {
            if (any) {
                throw new IllegalArgumentException("--no-healthcheck conflicts with --health-* options");
            }
            return Map.of("Test", List.of("NONE"));
        }
        if (!any) {
            return null;
        }
        notNegative("--health-interval", intervalNs);
        notNegative("--health-timeout", timeoutNs);
        notNegative("--health-retries", retryCount);
        notNegative("--health-start-period", startPeriodNs);
        notNegative("--health-start-interval", startIntervalNs);
        Map<String, Object> health = new LinkedHashMap<>();
        if (cmd != null && !cmd.isEmpty()) {
            health.put("Test", List.of("CMD-SHELL", cmd));
        }
        putNonZero(health, "Interval", intervalNs);
        putNonZero(health, "Timeout", timeoutNs);
        putNonZero(health, "StartPeriod", startPeriodNs);
        putNonZero(health, "StartInterval", startIntervalNs);
        if (retryCount != 0) {
            health.put("Retries", retryCount);
        }
        return health;
    }

    private static long nanos(String flag, String text) {
        if (text == null) {
            return 0;
        }
        try {
            return GoDuration.parseNanos(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid argument \"" + text + "\" for \"" + flag + "\" flag: "
                    + e.getMessage());
        }
    }

    private static void notNegative(String flag, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(flag + " cannot be negative");
        }
    }

    private static void putNonZero(Map<String, Object> map, String key, long value) {
        if (value != 0) {
            map.put(key, value);
        }
    }
}
