package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.SystemException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PsTableTest {

    private static final String PS_EF = """
            UID          PID    PPID  C STIME TTY          TIME CMD
            root           1       0  0 10:00 ?        00:00:01 /sbin/init
            root        4242    4200  0 10:01 ?        00:00:00 sleep 1000
            root        4250    4200  0 10:01 ?        00:00:00 /bin/sh -c echo a  b
            root        5000       1  0 10:02 ?        00:00:00 other
            """;

    @Test
    void of_keepsTheContainersRowsAndJoinsTheCommand() {
        PsTable t = PsTable.of(PS_EF, Set.of(4242L, 4250L));

        assertThat(t.titles()).containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
        assertThat(t.processes()).containsExactly(
                List.of("root", "4242", "4200", "0", "10:01", "?", "00:00:00", "sleep 1000"),
                List.of("root", "4250", "4200", "0", "10:01", "?", "00:00:00", "/bin/sh -c echo a b"));
    }

    @Test
    void of_keepsThreadRowsOfAKeptProcess() {
        String psM = """
                  PID TTY      STAT   TIME COMMAND
                    7 ?        -      0:00 app
                    - -        Sl     0:00 -
                    9 ?        -      0:00 other
                    - -        Sl     0:00 -
                """;

        PsTable t = PsTable.of(psM, Set.of(7L));

        assertThat(t.processes()).extracting(row -> row.getFirst()).containsExactly("7", "-");
    }

    @Test
    void of_needsAPidColumn() {
        assertThatThrownBy(() -> PsTable.of("USER COMMAND\nroot sh\n", Set.of(1L)))
                .isInstanceOf(SystemException.class).hasMessage("Couldn't find PID field in ps output");
    }

    @Test
    void of_refusesAPidThatIsNoNumber() {
        assertThatThrownBy(() -> PsTable.of("PID CMD\nabc sh\n", Set.of(1L)))
                .hasMessageStartingWith("Unexpected pid 'abc'");
    }
}
