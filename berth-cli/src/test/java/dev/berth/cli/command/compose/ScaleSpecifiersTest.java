package dev.berth.cli.command.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.cli.CliFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScaleSpecifiersTest {

    @Test
    void servicesInTheOrderGiven_aLaterCountWins() {
        assertThat(ScaleSpecifiers.parse(List.of("web=3", "worker=0", "web=2")))
                .containsExactly(Map.entry("web", 2), Map.entry("worker", 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "web      | invalid scale specifier: web",
            "=3       | invalid scale specifier: =3",
            "web=     | invalid scale specifier: web=",
            "web=-1   | invalid scale specifier: web=-1",
            "web=three| invalid scale specifier: can't parse replica value as int: web=three",
            "web=1.5  | invalid scale specifier: can't parse replica value as int: web=1.5"})
    void malformedSpecifiers_failWithComposesWords(String arg, String message) {
        assertThatThrownBy(() -> ScaleSpecifiers.parse(List.of(arg)))
                .isInstanceOf(CliFailure.class).hasMessage(message);
    }
}
