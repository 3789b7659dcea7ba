package dev.berth.compose.loader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one mapping of a validated, canonical tree. The schema has checked the types,
 * so conversions here do not fail on user input; absent and null read as null (or the given default).
 */
record Fields(Map<String, Object> map) {

    static Fields of(Object node) {
        return new Fields(Canonical.asMap(node));
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    Object raw(String key) {
        return map.get(key);
    }

    /** The nested mapping {@code key}, or null when absent. */
    Fields fields(String key) {
        return has(key) ? of(map.get(key)) : null;
    }

    String string(String key) {
        return Scalars.string(map.get(key));
    }

    Integer integer(String key) {
        return Scalars.intValue(map.get(key));
    }

    Long longValue(String key) {
        return Scalars.longValue(map.get(key));
    }

    Double number(String key) {
        return Scalars.doubleValue(map.get(key));
    }

    Boolean bool(String key) {
        return Scalars.bool(map.get(key));
    }

    boolean bool(String key, boolean otherwise) {
        Boolean b = bool(key);
        return b == null ? otherwise : b;
    }

    Duration duration(String key) {
        return Scalars.duration(map.get(key));
    }

    Long bytes(String key) {
        return Scalars.bytes(map.get(key));
    }

    /** A list of scalars as strings; absent: empty. */
    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        Canonical.asList(map.get(key)).forEach(v -> out.add(Scalars.string(v)));
        return out;
    }

    /** A list of scalars as strings; absent: null (an unset command). */
    List<String> stringsOrNull(String key) {
        return map.containsKey(key) && map.get(key) != null ? strings(key) : null;
    }

    /** A mapping of scalars as strings, null values kept; absent: empty. */
    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Canonical.asMap(map.get(key)).forEach((k, v) -> out.put(k, Scalars.string(v)));
        return out;
    }

    /** The list {@code key} as mappings; absent: empty. */
    List<Fields> list(String key) {
        List<Fields> out = new ArrayList<>();
        Canonical.asList(map.get(key)).forEach(v -> out.add(of(v)));
        return out;
    }

    /** The mapping {@code key} as named mappings, in order; absent: empty. */
    Map<String, Fields> entries(String key) {
        Map<String, Fields> out = new LinkedHashMap<>();
        Canonical.asMap(map.get(key)).forEach((k, v) -> out.put(k, of(v)));
        return out;
    }
}
