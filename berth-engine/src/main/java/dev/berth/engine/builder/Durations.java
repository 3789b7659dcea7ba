package dev.berth.engine.builder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration syntax ({@code 30s}, {@code 1m30s}, {@code 500ms}) to nanoseconds, for HEALTHCHECK flags. */
final class Durations {

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    static long parseNanos(String text) {
        if (text.equals("0")) {
            return 0;
        }
        Matcher m = PART.matcher(text);
        int at = 0;
        double total = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            total += n * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            at = m.end();
        }
        if (at != text.length() || text.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
        }
        return (long) total;
    }
}
