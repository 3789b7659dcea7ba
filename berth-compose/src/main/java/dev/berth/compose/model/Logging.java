package dev.berth.compose.model;

import java.util.Map;

/**
 * A service's {@code logging}.
 *
 * @param driver  the log driver, or null for the engine's default
 * @param options driver options
 */
public record Logging(String driver, Map<String, String> options) {
    public Logging {
        options = Copies.map(options);
    }
}
