package dev.berth.api.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

    // Hours are rounded before the day/week/month thresholds, but years use truncated hours:
    // just under two years is "1 years", as go-units prints it.
    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -5       | Less than a second
            0        | Less than a second
            1        | 1 second
            2        | 2 seconds
            59       | 59 seconds
            60       | About a minute
            119      | About a minute
            120      | 2 minutes
            3599     | 59 minutes
            3600     | About an hour
            5399     | About an hour
            5400     | 2 hours
            170999   | 47 hours
            172799   | 2 days
            171000   | 2 days
            172800   | 2 days
            1207799  | 13 days
            1209600  | 2 weeks
            5182199  | 8 weeks
            5184000  | 2 months
            63070199 | 24 months
            63071999 | 1 years
            63072000 | 2 years
            """)
    void of_followsGoUnitsThresholds(long seconds, String expected) {
        assertThat(HumanDuration.of(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}ms -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            999  | Less than a second
            1999 | 1 second
            59999 | 59 seconds
            """)
    void of_truncatesFractionalSeconds(long millis, String expected) {
        assertThat(HumanDuration.of(Duration.ofMillis(millis))).isEqualTo(expected);
    }
}
