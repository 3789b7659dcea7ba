package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {

    @ParameterizedTest
    @CsvSource({"KILL,9", "SIGKILL,9", "sigterm,15", "9,9", "HUP,1", "SIGUSR1,10", "WINCH,28", "RTMIN+1,35"})
    void parse_acceptsDockersForms(String text, int expected) {
        assertThat(Signals.parse(text, 0)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOPE", "0", "65", "SIGFOO"})
    void parse_refusesUnknownSignals(String text) {
        assertThatThrownBy(() -> Signals.parse(text, 0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Invalid signal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void parse_usesFallbackWhenEmpty(String text) {
        assertThat(Signals.parse(text, 15)).isEqualTo(15);
    }
}
