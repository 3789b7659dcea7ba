package dev.berth.daemon.router.containers;

import dev.berth.api.Timestamps;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.error.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The filters of {@code POST /containers/prune}: {@code until} (a time or a duration ago), {@code label}, {@code label!}. */
final class PruneFilter {

    private PruneFilter() {
    }

    static Predicate<ContainerRecord> of(Map<String, List<String>> filters, Instant now) {
        Predicate<ContainerRecord> all = r -> true;
        for (var e : filters.entrySet()) {
            List<String> values = e.getValue();
            Predicate<ContainerRecord> one = switch (e.getKey()) {
                case "until" -> {
                    Instant until = until(values.getFirst(), now);
                    yield r -> r.created().isBefore(until);
                }
                case "label" -> ContainerFilters.of(Map.of("label", values));
                case "label!" -> ContainerFilters.of(Map.of("label", values)).negate();
                default -> throw new InvalidArgumentException("Invalid filter '" + e.getKey() + "'");
            };
            all = all.and(one);
        }
        return all;
    }

    private static final java.util.regex.Pattern GO_PART = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

    /** Go's time.ParseDuration for positive values ("10m", "1h30m", "2.5s"). */
    static Duration goDuration(String text) {
        var m = GO_PART.matcher(text);
        int at = 0;
        double nanos = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "ns" -> 1;
                case "us" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            at = m.end();
        }
        if (at == 0 || at != text.length()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return Duration.ofNanos((long) nanos);
    }

    private static Instant until(String value, Instant now) {
        try {
            return now.minus(goDuration(value));
        } catch (RuntimeException notDuration) {
            try {
                return value.matches("\\d+(\\.\\d+)?") ? Instant.ofEpochMilli((long) (Double.parseDouble(value) * 1000))
                        : Timestamps.parse(value);
            } catch (RuntimeException e) {
                throw new InvalidArgumentException("failed to parse value of filter (until): " + value);
            }
        }
    }
}
