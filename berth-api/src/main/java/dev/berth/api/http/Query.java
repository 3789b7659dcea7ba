package dev.berth.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query string as an immutable, order-preserving multimap of decoded names to decoded values.
 *
 * <p>{@link #parse} reads what clients send ("a=1&b=x+y&a=2&flag"): '+' is a space, a name
 * without '=' has the value "", empty pairs are skipped. {@link #encode} writes the form the Go
 * client writes. Build one for a request with {@link #builder()}.
 */
public final class Query {
    private static final Query EMPTY = new Query(Map.of());

    private final Map<String, List<String>> values;

    private Query(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Query empty() {
        return EMPTY;
    }

    /**
     * Parses a raw query (without the '?').
     *
     * @throws IllegalArgumentException on a malformed percent-escape
     */
    public static Query parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        Builder b = builder();
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            b.add(UriCodec.decodeQueryComponent(name), UriCodec.decodeQueryComponent(value));
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of {@code name}, or null when absent. */
    public String first(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.getFirst();
    }

    /** All values of {@code name} in order; empty when absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Names in order of first appearance. */
    public Set<String> names() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The encoded query without a leading '?'; "" when empty. */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        values.forEach((name, list) -> {
            for (String value : list) {
                if (!sb.isEmpty()) {
                    sb.append('&');
                }
                sb.append(UriCodec.encodeQueryComponent(name)).append('=')
                        .append(UriCodec.encodeQueryComponent(value));
            }
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return encode();
    }

    /** Collects name/value pairs in order. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        private Builder() {}

        /** Appends a value to {@code name}; returns this. */
        public Builder add(String name, String value) {
            values.computeIfAbsent(name, _ -> new ArrayList<>()).add(value);
            return this;
        }

        /** Appends {@code value} only when it is not null; returns this. */
        public Builder addIfPresent(String name, String value) {
            return value == null ? this : add(name, value);
        }

        public Query build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new Query(java.util.Collections.unmodifiableMap(copy));
        }
    }
}
