package dev.berth.compose.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComposeDurationTest {

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("10s", Duration.ofSeconds(10)),
                Arguments.of("1m30s", Duration.ofSeconds(90)),
                Arguments.of("500ms", Duration.ofMillis(500)),
                Arguments.of("1.5h", Duration.ofMinutes(90)),
                Arguments.of("2h45m", Duration.ofMinutes(165)),
                Arguments.of("100us", Duration.ofNanos(100_000)),
                Arguments.of("3µs", Duration.ofNanos(3_000)),
                Arguments.of("7ns", Duration.ofNanos(7)),
                Arguments.of("0", Duration.ZERO),
                Arguments.of("0s", Duration.ZERO),
                Arguments.of("-5s", Duration.ofSeconds(-5)),
                Arguments.of(".5s", Duration.ofMillis(500)));
    }

    @ParameterizedTest
    @MethodSource("durations")
    void parse_readsGoDurations(String text, Duration expected) {
        assertThat(ComposeDuration.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "s", "10x", "1m30", "1..5s", "ten seconds"})
    void parse_rejectsOtherText(String text) {
        assertThatThrownBy(() -> ComposeDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid duration");
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(Duration.ofSeconds(90), "1m30s"),
                Arguments.of(Duration.ofMillis(500), "500ms"),
                Arguments.of(Duration.ofSeconds(10), "10s"),
                Arguments.of(Duration.ofMinutes(60), "1h0m0s"),
                Arguments.of(Duration.ofMillis(1500), "1.5s"),
                Arguments.of(Duration.ZERO, "0s"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void format_writesAsGoDoes(Duration d, String expected) {
        assertThat(ComposeDuration.format(d)).isEqualTo(expected);
        assertThat(ComposeDuration.parse(expected)).isEqualTo(d);
    }
}
