package dev.berth.api.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds a request target: a path from literal parts and escaped names, then a query.
 * Names (image references, container names) keep '/', ':' and '@' as they are, because the
 * daemon routes {@code /images/{name:.*}/json} with the slashes in place, as moby does.
 */
final class Target {

    private final StringBuilder sb;
    private boolean hasQuery;

    private Target(String path) {
        this.sb = new StringBuilder(path);
    }

    static Target path(String path) {
        return new Target(path);
    }

    /** Appends "/" and the escaped name. */
    Target name(String name) {
        sb.append('/');
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/:@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return this;
    }

    Target then(String literal) {
        sb.append(literal);
        return this;
    }

    Target query(String key, String value) {
        if (value == null) {
            return this;
        }
        sb.append(hasQuery ? '&' : '?');
        hasQuery = true;
        sb.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    /** Adds {@code key=1} when set, nothing otherwise: dockerd reads an absent flag as false. */
    Target flag(String key, boolean set) {
        return set ? query(key, "1") : this;
    }

    Target query(String key, Integer value) {
        return value == null ? this : query(key, value.toString());
    }

    Target filters(Filters filters) {
        return filters == null || filters.isEmpty() ? this : query("filters", filters.toJson());
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
