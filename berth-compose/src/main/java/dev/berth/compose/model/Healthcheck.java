package dev.berth.compose.model;

import java.time.Duration;
import java.util.List;

/**
 * A service's {@code healthcheck}. Null fields are unset: the image's or the engine's value applies.
 *
 * @param test          ["CMD", args...], ["CMD-SHELL", command] (the string form) or ["NONE"]; null when unset
 * @param interval      time between checks
 * @param timeout       time one check may take
 * @param retries       consecutive failures before unhealthy
 * @param startPeriod   grace period after start during which failures do not count
 * @param startInterval time between checks during the start period
 * @param disable       disable the image's healthcheck ({@code disable: true}, or test ["NONE"])
 */
public record Healthcheck(
        List<String> test, Duration interval, Duration timeout, Integer retries, Duration startPeriod,
        Duration startInterval, boolean disable) {

    public Healthcheck {
        test = Copies.listOrNull(test);
    }
}
