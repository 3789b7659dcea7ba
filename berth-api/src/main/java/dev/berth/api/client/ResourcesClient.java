package dev.berth.api.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Containers' resources and the disk: {@code update}, {@code stats}, {@code system df} and
 * the prune endpoints {@code system prune} calls. Replies are JSON trees in dockerd's shape.
 */
public final class ResourcesClient {

    private final EngineClient client;

    ResourcesClient(EngineClient client) {
        this.client = client;
    }

    /** {@code POST /containers/{id}/update} with HostConfig-named fields; returns the warnings. */
    public List<String> update(String id, Map<String, Object> changes) throws IOException {
        try (ApiResponse r = client.raw("POST", Target.path("/containers").name(id).then("/update").toString(),
                RequestBody.json(Json.MAPPER.writeValueAsBytes(changes)))) {
            JsonNode body = Json.MAPPER.readTree(r.body());
            List<String> warnings = new ArrayList<>();
            if (body != null && body.path("Warnings").isArray()) {
                body.get("Warnings").forEach(w -> warnings.add(w.asText()));
            }
            return warnings;
        }
    }

    /**
     * {@code GET /containers/{id}/stats}: hands each entry to {@code sink} until it returns
     * false or the stream ends; with {@code stream} false there is one entry.
     */
    public void stats(String id, boolean stream, boolean oneShot, Predicate<JsonNode> sink) throws IOException {
        Target target = Target.path("/containers").name(id).then("/stats").query("stream", stream ? "1" : "0");
        if (oneShot) {
            target = target.query("one-shot", "1");
        }
        try (ApiResponse r = client.raw("GET", target.toString());
                JsonParser parser = Json.MAPPER.createParser(r.body())) {
            while (parser.nextToken() != null) {
                JsonNode entry = Json.MAPPER.readTree(parser);
                if (!sink.test(entry)) {
                    return;
                }
            }
        }
    }

    /** {@code GET /system/df}. */
    public JsonNode diskUsage() throws IOException {
        return client.getTree("/system/df");
    }

    /** {@code POST /containers/prune}, {@code /images/prune}, {@code /build/prune}, {@code /networks/prune}, {@code /volumes/prune}. */
    public JsonNode prune(String what, Filters filters) throws IOException {
        Target target = Target.path("/" + what + "/prune");
        if (filters != null && !filters.isEmpty()) {
            target = target.query("filters", filters.toJson());
        }
        try (ApiResponse r = client.raw("POST", target.toString())) {
            return Json.MAPPER.readTree(r.body());
        }
    }
}
