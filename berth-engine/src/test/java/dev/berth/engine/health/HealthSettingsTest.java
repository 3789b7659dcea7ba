package dev.berth.engine.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.types.container.HealthConfig;
import dev.berth.engine.error.InvalidArgumentException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthSettingsTest {

    @Test
    void of_appliesDockersDefaults() {
        HealthSettings s = HealthSettings.of(new HealthConfig(List.of("CMD", "true"), null, null, null, null, null),
                null).orElseThrow();

        assertThat(s.command()).containsExactly("true");
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.startPeriod()).isEqualTo(Duration.ZERO);
        assertThat(s.startInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.retries()).isEqualTo(3);
    }

    @Test
    void of_runsCmdShellThroughTheShell() {
        HealthConfig c = new HealthConfig(List.of("CMD-SHELL", "test -f /ok"), 200_000_000L, 1_000_000_000L, null,
                null, 2);

        assertThat(HealthSettings.of(c, null).orElseThrow().command()).containsExactly("/bin/sh", "-c", "test -f /ok");
        assertThat(HealthSettings.of(c, List.of("/bin/ash", "-c")).orElseThrow().command())
                .containsExactly("/bin/ash", "-c", "test -f /ok");
        assertThat(HealthSettings.of(c, null).orElseThrow().interval()).isEqualTo(Duration.ofMillis(200));
        assertThat(HealthSettings.of(c, null).orElseThrow().retries()).isEqualTo(2);
    }

    @Test
    void of_isEmptyWithoutACheck() {
        assertThat(HealthSettings.of(null, null)).isEmpty();
        assertThat(HealthSettings.of(new HealthConfig(List.of(), null, null, null, null, null), null)).isEmpty();
        assertThat(HealthSettings.of(new HealthConfig(List.of("NONE"), null, null, null, null, null), null)).isEmpty();
        assertThat(HealthSettings.of(new HealthConfig(List.of("HTTP", "x"), null, null, null, null, null), null)).isEmpty();
    }

    @Test
    void nextDelay_usesTheStartIntervalOnlyWhileStartingInTheStartPeriod() {
        HealthSettings s = new HealthSettings(List.of("true"), Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(2), 3);

        assertThat(s.nextDelay(Duration.ofSeconds(1), HealthStatus.STARTING)).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.nextDelay(Duration.ofSeconds(1), HealthStatus.HEALTHY)).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.nextDelay(Duration.ofSeconds(10), HealthStatus.STARTING)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void validate_refusesWhatDockerdRefuses() {
        assertThatThrownBy(() -> HealthSettings.validate(new HealthConfig(null, 999_999L, null, null, null, null)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Interval in Healthcheck cannot be less than 1ms");
        assertThatThrownBy(() -> HealthSettings.validate(new HealthConfig(null, null, null, null, null, -1)))
                .hasMessage("Retries in Healthcheck cannot be negative");
        assertThatThrownBy(() -> HealthSettings.validate(new HealthConfig(null, null, null, null, 5L, null)))
                .hasMessage("StartInterval in Healthcheck cannot be less than 1ms");
        HealthSettings.validate(new HealthConfig(List.of("NONE"), 0L, 1_000_000L, null, null, 0));
    }
}
