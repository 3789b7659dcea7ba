package dev.berth.engine.logs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Go's RFC3339Nano in UTC, as Docker writes log times: nanoseconds with trailing zeros
 * removed ("2024-05-01T10:00:00.12Z", or no fraction at all when it is zero).
 */
public final class LogTimestamps {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private LogTimestamps() {
    }

    public static String format(Instant t) {
        StringBuilder sb = new StringBuilder(formatSeconds(t));
        int nanos = t.getNano();
        if (nanos != 0) {
            String frac = Integer.toString(1_000_000_000 + nanos).substring(1);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        return sb.append('Z').toString();
    }

    /** The whole seconds of {@code t}, "yyyy-MM-ddTHH:mm:ss" in UTC, without fraction or zone. */
    static String formatSeconds(Instant t) {
        return SECONDS.format(t.atOffset(ZoneOffset.UTC));
    }

    public static Instant parse(String s) {
        return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
