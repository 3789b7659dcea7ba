package dev.berth.engine.health;

import dev.berth.api.types.container.HealthConfig;
import dev.berth.api.units.GoDuration;
import dev.berth.engine.error.InvalidArgumentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A healthcheck ready to run: the probe's argv and dockerd's timing, with its defaults filled in
 * (interval 30 s, timeout 30 s, start period 0, start interval 5 s, 3 retries).
 *
 * @param command the probe's argv: {@code CMD} words as given, {@code CMD-SHELL} through the
 *                container's shell ({@code /bin/sh -c} unless {@code SHELL} says otherwise)
 */
public record HealthSettings(List<String> command, Duration interval, Duration timeout, Duration startPeriod,
        Duration startInterval, int retries) {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
    static final int DEFAULT_RETRIES = 3;
    private static final Duration MINIMUM = Duration.ofMillis(1);
    private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    public HealthSettings {
        command = List.copyOf(command);
    }

    /**
     * The settings of {@code config} (the image's healthcheck merged with the request's), or
     * empty when the container has none: no config, an empty test, {@code NONE}, or a test
     * kind dockerd does not know.
     */
    public static Optional<HealthSettings> of(HealthConfig config, List<String> shell) {
        if (config == null || config.test() == null || config.test().isEmpty()) {
            return Optional.empty();
        }
        List<String> test = config.test();
        List<String> command;
        switch (test.getFirst()) {
            case "CMD" -> command = test.subList(1, test.size());
            case "CMD-SHELL" -> {
                command = new ArrayList<>(shell == null || shell.isEmpty() ? DEFAULT_SHELL : shell);
                command.add(String.join(" ", test.subList(1, test.size())));
            }
            default -> {
                return Optional.empty();
            }
        }
        if (command.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HealthSettings(command, orDefault(config.interval(), DEFAULT_INTERVAL),
                orDefault(config.timeout(), DEFAULT_TIMEOUT), orDefault(config.startPeriod(), Duration.ZERO),
                orDefault(config.startInterval(), DEFAULT_START_INTERVAL),
                config.retries() == null || config.retries() <= 0 ? DEFAULT_RETRIES : config.retries()));
    }

    /**
     * Refuses what dockerd refuses at create, with its words: durations other than 0 below
     * 1 ms, negative retries.
     *
     * @throws InvalidArgumentException when {@code config} is invalid
     */
    public static void validate(HealthConfig config) {
        if (config == null) {
            return;
        }
        atLeastMinimum("Interval", config.interval());
        atLeastMinimum("Timeout", config.timeout());
        if (config.retries() != null && config.retries() < 0) {
            throw new InvalidArgumentException("Retries in Healthcheck cannot be negative");
        }
        atLeastMinimum("StartPeriod", config.startPeriod());
        atLeastMinimum("StartInterval", config.startInterval());
    }

    /**
     * How long to wait before the next probe, as moby's monitor decides it: the start interval
     * while the container is still starting within its start period, else the interval.
     *
     * @param sinceStart time since the container started
     */
    public Duration nextDelay(Duration sinceStart, HealthStatus status) {
        if (sinceStart.compareTo(startPeriod) >= 0) {
            return interval;
        }
        return status == HealthStatus.STARTING ? startInterval : interval;
    }

    private static void atLeastMinimum(String field, Long nanos) {
        if (nanos != null && nanos != 0 && nanos < MINIMUM.toNanos()) {
            throw new InvalidArgumentException(field + " in Healthcheck cannot be less than " + GoDuration.format(MINIMUM));
        }
    }

    private static Duration orDefault(Long nanos, Duration fallback) {
        return nanos == null || nanos == 0 ? fallback : Duration.ofNanos(nanos);
    }
}
