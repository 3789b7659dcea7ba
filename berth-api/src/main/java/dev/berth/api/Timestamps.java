package dev.berth.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Times as dockerd writes them: RFC 3339 in UTC with up to nine fractional digits and no
 * trailing zeros ({@code 2026-11-28T23:01:02.123456789Z}); the zero time
 * {@code 0001-01-01T00:00:00Z} stands for "never".
 */
public final class Timestamps {

    public static final String ZERO = "0001-01-01T00:00:00Z";

    private static final DateTimeFormatter RFC3339_NANO = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? ZERO : RFC3339_NANO.format(instant);
    }

    /** Parses RFC 3339 (any offset) or the zero time (null). */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty() || text.equals(ZERO)) {
            return null;
        }
        return java.time.OffsetDateTime.parse(text).toInstant();
    }
}
