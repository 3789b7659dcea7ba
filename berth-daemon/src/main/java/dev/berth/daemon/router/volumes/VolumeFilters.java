package dev.berth.daemon.router.volumes;

import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.volumes.Volume;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code filters} of {@code GET /volumes} (dangling, name, label, driver) and of
 * {@code POST /volumes/prune} (label, label!, all). Values of one key are alternatives,
 * except labels, which must all match; different keys must all match.
 */
final class VolumeFilters {

    private static final Set<String> LIST_KEYS = Set.of("dangling", "name", "label", "driver");
    private static final Set<String> PRUNE_KEYS = Set.of("label", "label!", "all");

    private VolumeFilters() {
    }

    /** {@code inUse} tells whether a container uses the volume (for dangling). */
    static Predicate<Volume> forList(Map<String, List<String>> filters, Predicate<Volume> inUse) {
        Predicate<Volume> all = v -> true;
        for (var e : filters.entrySet()) {
            List<String> values = e.getValue();
            if (!LIST_KEYS.contains(e.getKey())) {
                throw new InvalidArgumentException("invalid filter '" + e.getKey() + "'");
            }
            if (values.isEmpty()) {
                continue;
            }
            Predicate<Volume> one = switch (e.getKey()) {
                case "dangling" -> {
                    boolean dangling = bool("dangling", values.getFirst());
                    yield v -> inUse.test(v) != dangling;
                }
                case "name" -> v -> values.stream().anyMatch(n -> v.name().contains(n));
                case "driver" -> v -> values.contains(v.driver());
                case "label" -> v -> values.stream().allMatch(l -> hasLabel(v, l));
                default -> throw new IllegalStateException(e.getKey());
            };
            all = all.and(one);
        }
        return all;
    }

    /**
     * Which unused volumes prune may remove: anonymous ones only, unless {@code all=true}
     * (API 1.42+), narrowed by label filters.
     */
    static Predicate<Volume> forPrune(Map<String, List<String>> filters) {
        Predicate<Volume> all = v -> true;
        boolean includeNamed = false;
        for (var e : filters.entrySet()) {
            if (!PRUNE_KEYS.contains(e.getKey())) {
                throw new InvalidArgumentException("invalid filter '" + e.getKey() + "'");
            }
            List<String> values = e.getValue();
            switch (e.getKey()) {
                case "all" -> includeNamed = !values.isEmpty() && bool("all", values.getFirst());
                case "label" -> all = all.and(v -> values.stream().allMatch(l -> hasLabel(v, l)));
                case "label!" -> all = all.and(v -> values.stream().noneMatch(l -> hasLabel(v, l)));
                default -> throw new IllegalStateException(e.getKey());
            }
        }
        boolean named = includeNamed;
        return all.and(v -> named || v.isAnonymous());
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new InvalidArgumentException("invalid filter '" + key + "=" + value + "'");
        };
    }

    private static boolean hasLabel(Volume v, String filter) {
        int eq = filter.indexOf('=');
        if (eq < 0) {
            return v.labels().containsKey(filter);
        }
        return filter.substring(eq + 1).equals(v.labels().get(filter.substring(0, eq)));
    }
}
