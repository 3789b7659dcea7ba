package dev.berth.api.client;

import java.util.List;
import java.util.Map;

/** Case-insensitive header lookup over whatever map a transport hands back. */
final class Headers {

    private Headers() {
    }

    static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().getFirst();
            }
        }
        return null;
    }
}
