package dev.berth.engine.containers;

import dev.berth.api.units.GoDuration;
import dev.berth.engine.error.InvalidArgumentException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which stopped containers {@code container prune} removes: the filters {@code until}
 * (created before: a duration back from now such as {@code 24h}, an RFC 3339 time, a date,
 * or Unix seconds) and {@code label} / {@code label!} ({@code key} or {@code key=value}), as
 * dockerd reads them. Running, paused and restarting containers are never pruned. Pure.
 */
public final class PruneFilter {

    private PruneFilter() {
    }

    /** @throws InvalidArgumentException for an unknown filter or an unreadable {@code until} */
    public static Predicate<ContainerRecord> of(Map<String, List<String>> filters, Instant now) {
        Predicate<ContainerRecord> keep = r -> !r.isRunning() && r.state().status() != ContainerStatus.REMOVING;
        for (var e : filters.entrySet()) {
            List<String> values = e.getValue();
            switch (e.getKey()) {
                case "until" -> {
                    if (values.size() > 1) {
                        throw new InvalidArgumentException("more than one until filter specified");
                    }
                    for (String v : values) {
                        Instant until = timestamp(v, now);
                        keep = keep.and(r -> !r.created().isAfter(until));
                    }
                }
                case "label" -> keep = keep.and(r -> values.stream().allMatch(v -> hasLabel(r, v)));
                case "label!" -> keep = keep.and(r -> values.stream().noneMatch(v -> hasLabel(r, v)));
                default -> throw new InvalidArgumentException("invalid filter '" + e.getKey() + "'");
            }
        }
        return keep;
    }

    /** A time as docker's filters take it: a Go duration before {@code now}, RFC 3339, a date, Unix seconds. */
    public static Instant timestamp(String value, Instant now) {
        try {
            return now.minusNanos(GoDuration.parseNanos(value));
        } catch (IllegalArgumentException notDuration) {
            // one of the other forms
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            BigDecimal seconds = new BigDecimal(value);
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("failed to parse value as time or duration: \"" + value + "\"");
        }
    }

    private static boolean hasLabel(ContainerRecord r, String filter) {
        Map<String, String> labels = r.config().labels();
        if (labels == null) {
            return false;
        }
        int eq = filter.indexOf('=');
        return eq < 0 ? labels.containsKey(filter) : filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
    }
}
