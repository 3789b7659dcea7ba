package dev.berth.daemon.router;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import dev.berth.api.http.Query;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every route needs to read a request and write JSON the way dockerd does. */
public final class Api {

    private Api() {
    }

    public static void json(ServerResponse res, int status, Object body) throws IOException {
        res.sendJson(status, Json.MAPPER.writeValueAsBytes(body));
    }

    /** Reads a JSON body; an empty body is {@code fallback}. */
    public static <T> T body(ServerRequest req, Class<T> type, T fallback) throws IOException {
        JsonNode tree = bodyTree(req);
        return tree == null ? fallback : Json.MAPPER.treeToValue(tree, type);
    }

    /** The JSON body as a tree, or null when the body is empty. */
    public static JsonNode bodyTree(ServerRequest req) throws IOException {
        try (InputStream in = req.body()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0 || new String(bytes).isBlank()) {
                return null;
            }
            return Json.MAPPER.readTree(bytes);
        }
    }

    /**
     * A boolean query flag with moby's rules: absent, "", 0, no, false and none are false,
     * anything else is true (docker-py sends "True"/"False").
     */
    public static boolean bool(Query query, String name) {
        String v = query.first(name);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "", "0", "no", "false", "none" -> false;
            default -> true;
        };
    }

    /** An integer query parameter, or {@code fallback} when absent or empty. */
    public static Integer integer(Query query, String name, Integer fallback) {
        String v = query.first(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid value for " + name + ": " + v);
        }
    }

    /**
     * The {@code filters} parameter in both forms clients send: the Go client's
     * {@code {"label":{"a=b":true}}} and docker-py's {@code {"label":["a=b"]}}.
     */
    public static Map<String, List<String>> filters(Query query) {
        String raw = query.first("filters");
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return result;
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(raw);
            if (!tree.isObject()) {
                throw new InvalidArgumentException("invalid filter: " + raw);
            }
            for (var field : tree.properties()) {
                List<String> values = new ArrayList<>();
                JsonNode v = field.getValue();
                if (v.isArray()) {
                    v.forEach(e -> values.add(e.asText()));
                } else if (v.isObject()) {
                    v.properties().forEach(e -> {
                        if (e.getValue().asBoolean()) {
                            values.add(e.getKey());
                        }
                    });
                } else {
                    values.add(v.asText());
                }
                result.put(field.getKey(), values);
            }
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid filter: " + raw);
        }
        return result;
    }

    /** A JSON-encoded query value such as {@code buildargs} or {@code labels}. */
    public static Map<String, String> jsonMap(Query query, String name) {
        String raw = query.first(name);
        if (raw == null || raw.isBlank()) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(raw, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid " + name + ": " + raw);
        }
    }
}
