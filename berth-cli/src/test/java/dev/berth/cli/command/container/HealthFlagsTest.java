package dev.berth.cli.command.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthFlagsTest {

    @Test
    void noFlags_leaveTheImagesHealthcheck() {
        assertThat(HealthFlags.healthcheck(null, null, null, null, null, null, false)).isNull();
    }

    @Test
    void flags_becomeAHealthcheckWithoutZeros() {
        Map<String, Object> h = HealthFlags.healthcheck("true", "200ms", null, "1s", null, 2, false);

        assertThat(h).containsExactly(Map.entry("Test", List.of("CMD-SHELL", "true")),
                Map.entry("Interval", 200_000_000L), Map.entry("StartPeriod", 1_000_000_000L),
                Map.entry("Retries", 2));
    }

    @Test
    void intervalAlone_keepsTheImagesTest() {
        assertThat(HealthFlags.healthcheck(null, "5s", null, null, null, null, false))
                .containsExactly(Map.entry("Interval", 5_000_000_000L));
    }

    @Test
    void noHealthcheck_isNoneAndConflictsWithOtherFlags() {
        assertThat(HealthFlags.healthcheck(null, null, null, null, null, null, true))
                .isEqualTo(Map.of("Test", List.of("NONE")));
        assertThatThrownBy(() -> HealthFlags.healthcheck("true", null, null, null, null, null, true))
                .hasMessage("--no-healthcheck conflicts with --health-* options");
    }

    @Test
    void badValues_areRefusedWithDockersWords() {
        assertThatThrownBy(() -> HealthFlags.healthcheck(null, "-1s", null, null, null, null, false))
                .hasMessage("--health-interval cannot be negative");
        assertThatThrownBy(() -> HealthFlags.healthcheck(null, null, null, null, null, -1, false))
                .hasMessage("--health-retries cannot be negative");
        assertThatThrownBy(() -> HealthFlags.healthcheck(null, "soon", null, null, null, null, false))
                .hasMessage("invalid argument \"soon\" for \"--health-interval\" flag: time: invalid duration \"soon\"");
    }
}
