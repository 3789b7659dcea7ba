package dev.berth.compose.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive, order-keeping, unmodifiable copies for the records. {@code List.copyOf} and
 * {@code Map.copyOf} would do, but they reject null elements (an environment variable that is
 * declared but unset is a null value) and {@code Map.copyOf} forgets the file's order.
 */
final class Copies {
    private Copies() {}

    /** An unmodifiable copy; null stays null (an unset list such as a command). */
    static <T> List<T> listOrNull(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** An unmodifiable copy; null becomes empty. */
    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** An unmodifiable copy in insertion order, null values allowed; null becomes empty. */
    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
