package dev.berth.api.client;

import dev.berth.api.JsonText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * List filters ({@code ps --filter status=exited}) as the Go client sends them: a JSON object
 * {@code {"key":{"value":true}}}, keys and values sorted (Go marshals maps sorted), so the
 * same filters always encode the same way. Immutable; {@link #with} returns a copy.
 */
public final class Filters {

    private static final Filters NONE = new Filters(new TreeMap<>());

    private final Map<String, Set<String>> values;

    private Filters(Map<String, Set<String>> values) {
        this.values = values;
    }

    public static Filters none() {
        return NONE;
    }

    /** Parses {@code key=value} flags; a flag without '=' is refused, as docker does. */
    public static Filters parse(List<String> flags) {
        Filters f = NONE;
        for (String flag : flags) {
            int eq = flag.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("bad format of filter (expected name=value)");
            }
            f = f.with(flag.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), flag.substring(eq + 1));
        }
        return f;
    }

    public Filters with(String key, String value) {
        Map<String, Set<String>> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
        copy.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
        return new Filters(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public List<String> get(String key) {
        return new ArrayList<>(values.getOrDefault(key, Set.of()));
    }

    /** The {@code filters} query value: {@code {"status":{"exited":true}}}. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        boolean firstKey = true;
        for (Map.Entry<String, Set<String>> e : values.entrySet()) {
            if (!firstKey) {
                sb.append(',');
            }
            firstKey = false;
            JsonText.quote(sb, e.getKey()).append(":{");
            boolean firstValue = true;
            for (String v : e.getValue()) {
                if (!firstValue) {
                    sb.append(',');
                }
                firstValue = false;
                JsonText.quote(sb, v).append(":true");
            }
            sb.append('}');
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filters f && f.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
