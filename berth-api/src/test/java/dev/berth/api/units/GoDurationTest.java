package dev.berth.api.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "200ms, 200000000",
            "30s, 30000000000",
            "1m30s, 90000000000",
            "1.5h, 5400000000000",
            "1us, 1000",
            "-2s, -2000000000",
            ".5s, 500000000"})
    void parseNanos_readsGoDurations(String text, long nanos) {
        assertThat(GoDuration.parseNanos(text)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @CsvSource({"'', ''", "5, 5", "1x, 1x", "s, s"})
    void parseNanos_refusesWithGosWords(String text, String quoted) {
        assertThatThrownBy(() -> GoDuration.parseNanos(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time: invalid duration \"" + quoted + "\"");
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0s",
            "1, 1ns",
            "1500, 1.5µs",
            "200000000, 200ms",
            "1000000, 1ms",
            "30000000000, 30s",
            "1500000000, 1.5s",
            "90000000000, 1m30s",
            "3600000000000, 1h0m0s"})
    void format_printsAsGo(long nanos, String text) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @Test
    void format_ofANegativeDuration() {
        assertThat(GoDuration.format(Duration.ofMillis(-200))).isEqualTo("-200ms");
    }
}
