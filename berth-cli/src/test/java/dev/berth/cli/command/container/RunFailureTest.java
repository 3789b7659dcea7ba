package dev.berth.cli.command.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunFailureTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "failed to create task: exec: \"nope\": executable file not found in $PATH|127",
            "exec /etc/x: no such file or directory|127",
            "exec: \"/etc\": permission denied|126",
            "exec /etc: is a directory|126",
            "No such image: nothing:latest|125",
            "Conflict. The container name \"/web\" is already in use|125",
    })
    void status_isChosenFromTheMessage(String message, int status) {
        assertThat(RunFailure.status(message)).isEqualTo(status);
    }
}
