package dev.berth.compose.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Compose's duration format, which is Go's {@code time.ParseDuration}: a sequence of decimal
 * numbers with units, {@code 1m30s}, {@code 10s}, {@code 500ms}, {@code 1.5h}, {@code 2us}.
 * Units: ns, us (µs), ms, s, m, h. A bare {@code 0} is zero.
 */
public final class ComposeDuration {
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private ComposeDuration() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with a message naming the text when it is not a duration
     */
    public static Duration parse(String text) {
        String s = text.strip();
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            Long unit = NANOS_PER_UNIT.get(s.substring(unitStart, i));
            if (number.isEmpty() || number.equals(".") || unit == null) {
                throw invalid(text);
            }
            try {
                nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }

    /** Formats {@code d} as compose prints it ({@code 1m30s}, {@code 500ms}, {@code 0s}). */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder(d.isNegative() ? "-" : "");
        Duration a = d.abs();
        if (a.compareTo(Duration.ofSeconds(1)) < 0) {
            long n = a.toNanos();
            return sb.append(n % 1_000_000 == 0 ? n / 1_000_000 + "ms" : n % 1_000 == 0 ? n / 1_000 + "µs" : n + "ns").toString();
        }
        if (a.toHours() > 0) {
            sb.append(a.toHours()).append('h');
        }
        if (a.toHours() > 0 || a.toMinutesPart() > 0) {
            sb.append(a.toMinutesPart()).append('m');
        }
        BigDecimal seconds = BigDecimal.valueOf(a.toSecondsPart()).add(BigDecimal.valueOf(a.toNanosPart(), 9));
        return sb.append(seconds.stripTrailingZeros().toPlainString()).append('s').toString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\"");
    }
}
