package dev.berth.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthTest {

    private static final HealthSettings SETTINGS = new HealthSettings(List.of("true"), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMillis(100), 3);
    private static final Duration IN_START_PERIOD = Duration.ofSeconds(2);
    private static final Duration AFTER_START_PERIOD = Duration.ofSeconds(11);

    static Stream<Arguments> transitions() {
        return Stream.of(
                // before, streak, exit code, since start -> status, streak
                Arguments.of(HealthStatus.STARTING, 0, 0, IN_START_PERIOD, HealthStatus.HEALTHY, 0),
                Arguments.of(HealthStatus.STARTING, 0, 1, IN_START_PERIOD, HealthStatus.STARTING, 0),
                Arguments.of(HealthStatus.STARTING, 0, 1, AFTER_START_PERIOD, HealthStatus.STARTING, 1),
                Arguments.of(HealthStatus.STARTING, 2, 1, AFTER_START_PERIOD, HealthStatus.UNHEALTHY, 3),
                Arguments.of(HealthStatus.STARTING, 2, -1, AFTER_START_PERIOD, HealthStatus.UNHEALTHY, 3),
                // once healthy, the start period no longer forgives
                Arguments.of(HealthStatus.HEALTHY, 0, 1, IN_START_PERIOD, HealthStatus.HEALTHY, 1),
                Arguments.of(HealthStatus.HEALTHY, 2, 7, AFTER_START_PERIOD, HealthStatus.UNHEALTHY, 3),
                Arguments.of(HealthStatus.UNHEALTHY, 5, 1, AFTER_START_PERIOD, HealthStatus.UNHEALTHY, 6),
                Arguments.of(HealthStatus.UNHEALTHY, 5, 0, AFTER_START_PERIOD, HealthStatus.HEALTHY, 0));
    }

    @ParameterizedTest
    @MethodSource("transitions")
    void after_followsDockersRules(HealthStatus before, int streak, int exitCode, Duration sinceStart,
            HealthStatus expected, int expectedStreak) {
        Health h = new Health(before, streak, List.of()).after(result(exitCode), SETTINGS, sinceStart);

        assertThat(h.status()).isEqualTo(expected);
        assertThat(h.failingStreak()).isEqualTo(expectedStreak);
    }

    @Test
    void log_keepsTheLastFiveOldestFirst() {
        Health h = Health.starting();
        for (int i = 0; i < 7; i++) {
            h = h.after(result(i), SETTINGS, AFTER_START_PERIOD);
        }

        assertThat(h.log()).extracting(ProbeResult::exitCode).containsExactly(2, 3, 4, 5, 6);
    }

    @Test
    void restarted_startsAgainButKeepsTheLog() {
        Health h = Health.starting().after(result(1), SETTINGS, AFTER_START_PERIOD).restarted();

        assertThat(h.status()).isEqualTo(HealthStatus.STARTING);
        assertThat(h.failingStreak()).isZero();
        assertThat(h.log()).hasSize(1);
    }

    @Test
    void monitorStopped_readsUnhealthy() {
        assertThat(Health.starting().after(result(0), SETTINGS, IN_START_PERIOD).monitorStopped().status())
                .isEqualTo(HealthStatus.UNHEALTHY);
    }

    private static ProbeResult result(int exitCode) {
        return new ProbeResult(Instant.EPOCH, Instant.EPOCH, exitCode, "");
    }
}
