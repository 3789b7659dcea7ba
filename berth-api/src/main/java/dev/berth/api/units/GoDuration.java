package dev.berth.api.units;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code time.Duration} text: parsed as {@code ParseDuration} reads it ({@code 30s},
 * {@code 1m30s}, {@code 200ms}, {@code 1.5h}) and printed as {@code Duration.String()} does
 * ({@code 30s}, {@code 1m30s}, {@code 200ms}, {@code 1h0m0s}), which is how dockerd words
 * durations in messages (e.g. "Health check exceeded timeout (200ms)").
 */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)");

    private GoDuration() {
    }

    /**
     * Nanoseconds of {@code text}; a leading sign is allowed, "0" needs no unit.
     *
     * @throws IllegalArgumentException with Go's words: {@code time: invalid duration "x"}
     */
    public static long parseNanos(String text) {
        String body = text;
        int sign = 1;
        if (body.startsWith("-") || body.startsWith("+")) {
            sign = body.startsWith("-") ? -1 : 1;
            body = body.substring(1);
        }
        if (body.equals("0")) {
            return 0;
        }
        Matcher m = PART.matcher(body);
        int at = 0;
        BigDecimal total = BigDecimal.ZERO;
        while (at < body.length() && m.find(at) && m.start() == at) {
            BigDecimal n = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.add(n.multiply(BigDecimal.valueOf(unit)));
            at = m.end();
        }
        if (at != body.length() || body.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
        }
        return sign * total.longValue();
    }

    /** Go's {@code Duration.String()} of {@code d}. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long n = Math.abs(nanos);
        if (n < 1_000L) {
            return sign + n + "ns";
        }
        if (n < 1_000_000L) {
            return sign + fraction(n, 1_000L) + "µs";
        }
        if (n < 1_000_000_000L) {
            return sign + fraction(n, 1_000_000L) + "ms";
        }
        long hours = n / 3_600_000_000_000L;
        long minutes = n / 60_000_000_000L % 60;
        String seconds = fraction(n % 60_000_000_000L, 1_000_000_000L) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        if (minutes > 0) {
            return sign + minutes + "m" + seconds;
        }
        return sign + seconds;
    }

    // n / unit with the fraction's trailing zeros dropped, as Go prints it.
    private static String fraction(long n, long unit) {
        BigDecimal value = BigDecimal.valueOf(n).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
        return value.scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString();
    }
}
