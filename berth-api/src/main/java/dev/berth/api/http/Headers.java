package dev.berth.api.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * HTTP header fields: a case-insensitive multimap that keeps insertion order (order matters on
 * the wire for repeated fields such as {@code Set-Cookie} and for readable traces).
 *
 * <p>Names must be RFC 9110 tokens and values must not contain CR, LF, NUL or characters
 * beyond ISO-8859-1 (heads travel as bytes); {@link #add} and
 * {@link #set} reject them so that no caller can inject header lines. Not thread-safe.
 */
public final class Headers {
    private record Field(String name, String value) {}

    private final List<Field> fields = new ArrayList<>();

    public Headers() {}

    /** A copy of {@code other}. */
    public Headers(Headers other) {
        fields.addAll(other.fields);
    }

    /** The first value of {@code name}, or null when absent. */
    public String first(String name) {
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                return f.value;
            }
        }
        return null;
    }

    /** All values of {@code name} in order; empty when absent. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                out.add(f.value);
            }
        }
        return out;
    }

    public boolean contains(String name) {
        return first(name) != null;
    }

    /**
     * Whether any value of {@code name}, read as a comma-separated list, contains {@code token}
     * (case-insensitive), as for {@code Connection: keep-alive, Upgrade}.
     */
    public boolean hasToken(String name, String token) {
        for (String value : all(name)) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Appends a field; returns this. */
    public Headers add(String name, String value) {
        checkName(name);
        checkValue(value);
        fields.add(new Field(name, value));
        return this;
    }

    /** Replaces every field of {@code name} by one, at the position of the first; returns this. */
    public Headers set(String name, String value) {
        checkName(name);
        checkValue(value);
        int at = -1;
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).name.equalsIgnoreCase(name)) {
                fields.remove(i);
                at = i;
            }
        }
        if (at < 0) {
            fields.add(new Field(name, value));
        } else {
            fields.add(at, new Field(name, value));
        }
        return this;
    }

    /** Removes every field of {@code name}; returns this. */
    public Headers remove(String name) {
        fields.removeIf(f -> f.name.equalsIgnoreCase(name));
        return this;
    }

    /** Distinct names in order of first appearance, spelled as first added. */
    public Set<String> names() {
        Set<String> lower = new LinkedHashSet<>();
        Set<String> out = new LinkedHashSet<>();
        for (Field f : fields) {
            if (lower.add(f.name.toLowerCase(Locale.ROOT))) {
                out.add(f.name);
            }
        }
        return out;
    }

    /** Number of fields (a repeated name counts once per field). */
    public int size() {
        return fields.size();
    }

    /** Every field in order. */
    public void forEach(BiConsumer<String, String> action) {
        for (Field f : fields) {
            action.accept(f.name, f.value);
        }
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isTokenChar(char c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static void checkName(String name) {
        if (name == null || !isToken(name)) {
            throw new IllegalArgumentException("invalid header name: " + name);
        }
    }

    private static void checkValue(String value) {
        if (value == null) {
            throw new IllegalArgumentException("null header value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header value contains CR, LF or NUL");
            }
            if (c > 0xff) {
                // Heads travel as ISO-8859-1; anything wider must be encoded by the caller.
                throw new IllegalArgumentException("header value has a character outside ISO-8859-1");
            }
        }
    }
}
