package dev.berth.cli.command.container;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code logs --since/--until}: a Go duration ("10m", "1h30m") counts back from now, an RFC
 * 3339 time is converted, a Unix timestamp passes through: the daemon wants seconds[.nanos].
 */
public final class LogTime {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private LogTime() {
    }

    public static String toTimestamp(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Long nanos = durationNanos(value);
        if (nanos != null) {
            Instant t = now.minusNanos(nanos);
            return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
        }
        try {
            Instant t = OffsetDateTime.parse(value).toInstant();
            return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
        } catch (DateTimeParseException notRfc3339) {
            // a Unix timestamp or something the daemon will judge
        }
        try {
            Instant t = java.time.LocalDateTime.parse(value).atZone(java.time.ZoneId.systemDefault()).toInstant();
            return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
        } catch (DateTimeParseException notLocal) {
            return value;
        }
    }

    static Long durationNanos(String value) {
        Matcher m = DURATION_PART.matcher(value);
        int at = 0;
        double total = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            total += n * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1_000;
                case "ms" -> 1_000_000;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            at = m.end();
        }
        return at == value.length() && at > 0 ? (long) total : null;
    }
}
