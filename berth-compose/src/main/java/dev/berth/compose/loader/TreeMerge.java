package dev.berth.compose.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges canonical trees as the Compose Specification's merge rules say, for several {@code -f}
 * files and for {@code extends}: mappings merge key by key (the later value wins for scalars);
 * sequences are appended without duplicates, except that {@code command}, {@code entrypoint} and
 * {@code healthcheck.test} are replaced, and {@code volumes} (by target), {@code configs} and
 * {@code secrets} (by target, else source) replace the entry they share a key with. A logging
 * section with another driver replaces the earlier one.
 */
final class TreeMerge {
    private TreeMerge() {}

    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        return mergeMaps(base, override, null);
    }

    /** Merges two services' mappings ({@code extends}, or the same service in two files). */
    static Map<String, Object> mergeService(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : override.entrySet()) {
            String key = e.getKey();
            Object over = e.getValue();
            Object was = out.get(key);
            if (key.equals("logging") && was instanceof Map<?, ?> b && over instanceof Map<?, ?> o
                    && o.get("driver") != null && !Objects.equals(b.get("driver"), o.get("driver"))) {
                out.put(key, over);
            } else {
                out.put(key, mergeValue(key, was, over));
            }
        }
        return out;
    }

    private static Map<String, Object> mergeMaps(Map<String, Object> base, Map<String, Object> override, String parentKey) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : override.entrySet()) {
            String key = e.getKey();
            if (parentKey == null && key.equals("services")) {
                Map<String, Object> services = new LinkedHashMap<>(Canonical.asMap(out.get("services")));
                Canonical.asMap(e.getValue()).forEach((name, svc) -> services.merge(name, svc,
                        (b, o) -> mergeService(Canonical.asMap(b), Canonical.asMap(o))));
                out.put(key, services);
            } else {
                out.put(key, mergeValue(key, out.get(key), e.getValue()));
            }
        }
        return out;
    }

    private static Object mergeValue(String key, Object base, Object over) {
        if (over == null) {
            return base;
        }
        if (base instanceof Map<?, ?> b && over instanceof Map<?, ?> o) {
            return mergeMaps(Canonical.asMap(b), Canonical.asMap(o), key);
        }
        if (base instanceof List<?> b && over instanceof List<?> o) {
            return switch (key) {
                case "command", "entrypoint", "test" -> over;
                case "volumes" -> byKey(b, o, "target", null);
                case "configs", "secrets" -> byKey(b, o, "target", "source");
                default -> appendUnique(b, o);
            };
        }
        return over;
    }

    private static List<Object> appendUnique(List<?> base, List<?> over) {
        List<Object> out = new ArrayList<>(base);
        for (Object item : over) {
            if (!out.contains(item)) {
                out.add(item);
            }
        }
        return out;
    }

    /** Entries of {@code over} replace those of {@code base} with the same key, in place; others are appended. */
    private static List<Object> byKey(List<?> base, List<?> over, String key, String fallbackKey) {
        List<Object> out = new ArrayList<>(base);
        for (Object item : over) {
            Object k = keyOf(item, key, fallbackKey);
            int at = -1;
            for (int i = 0; i < out.size() && k != null; i++) {
                if (k.equals(keyOf(out.get(i), key, fallbackKey))) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) {
                out.set(at, item);
            } else if (!out.contains(item)) {
                out.add(item);
            }
        }
        return out;
    }

    private static Object keyOf(Object item, String key, String fallbackKey) {
        if (!(item instanceof Map<?, ?> m)) {
            return item;
        }
        Object k = m.get(key);
        return k != null || fallbackKey == null ? k : m.get(fallbackKey);
    }
}
