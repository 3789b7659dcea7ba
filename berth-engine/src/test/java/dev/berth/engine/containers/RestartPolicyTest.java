package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartPolicyTest {

    private static RestartPolicy policy(String name, Integer max) {
        return RestartPolicy.of(new dev.berth.api.types.container.RestartPolicy(name, max));
    }

    @ParameterizedTest(name = "{0}:{1} exit {2} manual {3} after {4} restarts -> {5}")
    @CsvSource({
            "no,             0, 1, false, 0, false",
            "'',             0, 1, false, 0, false",
            "always,         0, 0, false, 0, true",
            "always,         0, 1, false, 9, true",
            "always,         0, 0, true,  0, true",
            "unless-stopped, 0, 0, false, 0, true",
            "unless-stopped, 0, 137, true, 0, false",
            "on-failure,     0, 0, false, 0, false",
            "on-failure,     0, 1, false, 100, true",
            "on-failure,     2, 1, false, 1, true",
            "on-failure,     2, 1, false, 2, false",
            "on-failure,     2, 0, false, 0, false",
    })
    void restartsAfter_followsDockerd(String name, int max, int exit, boolean manual, int restarts, boolean expected) {
        assertThat(policy(name, max).restartsAfter(exit, manual, restarts)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "sometimes, 0, unknown policy 'sometimes'",
            "always,    3, can only be used with 'on-failure'",
            "on-failure, -1, cannot be negative",
    })
    void of_rejectsWhatDockerdRejects(String name, int max, String message) {
        assertThatThrownBy(() -> policy(name, max)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "delay {0} ms, ran {1} ms -> {2} ms")
    @CsvSource({
            "0,     0,     100",
            "100,   50,    200",
            "200,   9999,  400",
            "400,   10000, 100",
            "6400,  0,     12800",
            "51200, 0,     60000",
            "60000, 0,     60000",
    })
    void backoff_doublesFrom100msAndResetsAfter10s(long delay, long ranFor, long expected) {
        assertThat(new RestartBackoff(Duration.ofMillis(delay)).next(Duration.ofMillis(ranFor)).delay())
                .isEqualTo(Duration.ofMillis(expected));
    }
}
