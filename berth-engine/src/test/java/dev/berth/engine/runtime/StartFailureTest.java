package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.SystemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartFailureTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // runc 1.1.5's words
        "unable to start container process: exec: \"nope\": executable file not found in $PATH | NOT_FOUND | 127",
        "unable to start container process: exec: \"/bin/noexec\": permission denied | NOT_EXECUTABLE | 126",
        // crun 1.8.1's words
        "executable file `nope` not found in $PATH: No such file or directory | NOT_FOUND | 127",
        "open executable: Permission denied | NOT_EXECUTABLE | 126",
        "exec: \"/bin\": is a directory | NOT_EXECUTABLE | 126",
        "mount /etc/hosts: not a directory | NOT_FOUND | 127",
        "cgroups in hybrid mode not supported | UNKNOWN | 128",
    })
    void classify_followsDockersRules(String message, StartFailure.Kind kind, int exitCode) {
        StartFailure f = StartFailure.classify(message);
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.exitCode()).isEqualTo(exitCode);
        assertThat(f.toException()).isInstanceOf(kind == StartFailure.Kind.UNKNOWN
                ? SystemException.class : InvalidArgumentException.class);
    }
}
