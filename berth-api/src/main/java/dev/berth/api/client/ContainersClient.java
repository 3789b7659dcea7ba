package dev.berth.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.ContainerCreateResponse;
import dev.berth.api.types.container.ContainerInspect;
import dev.berth.api.types.container.ContainerPruneResponse;
import dev.berth.api.types.container.ContainerTopResponse;
import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.container.HostConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The {@code /containers} endpoints. Obtain from {@link EngineClient#containers()}. */
public final class ContainersClient {

    private final EngineClient client;

    ContainersClient(EngineClient client) {
        this.client = client;
    }

    /**
     * {@code POST /containers/create?name=}: the body is Config's fields at the top level plus
     * {@code HostConfig}, as docker sends it. {@code name} may be null for a generated one.
     */
    public ContainerCreateResponse create(String name, ContainerConfig config, HostConfig hostConfig)
            throws IOException {
        return create(name, Json.MAPPER.writeValueAsBytes(createBody(config, hostConfig)));
    }

    /**
     * As {@link #create(String, ContainerConfig, HostConfig)}, with the body given as plain JSON
     * values (Config's keys at the top level, {@code "HostConfig"} inside; see {@link JsonValues}).
     * It needs no ObjectMapper, which is what the CLI's start-up wants.
     */
    public ContainerCreateResponse create(String name, Map<String, ?> body) throws IOException {
        return create(name, JsonValues.write(body));
    }

    private ContainerCreateResponse create(String name, byte[] body) throws IOException {
        String target = Target.path("/containers/create").query("name", name).toString();
        try (ApiResponse response = client.send("POST", target, RequestBody.json(body))) {
            return createResponse(JsonTrees.read(response.body()));
        }
    }

    /** {@code {"Id":..,"Warnings":[..]}}, read from a tree: no ObjectMapper on the run path. */
    static ContainerCreateResponse createResponse(JsonNode node) throws IOException {
        if (node == null || !node.isObject() || !node.path("Id").isTextual()) {
            throw new IOException("expected the created container's Id from the daemon, got " + node);
        }
        JsonNode warnings = node.get("Warnings");
        List<String> texts = null;
        if (warnings != null && warnings.isArray()) {
            texts = new ArrayList<>(warnings.size());
            for (JsonNode w : warnings) {
                texts.add(w.asText());
            }
        }
        return new ContainerCreateResponse(node.get("Id").asText(), texts);
    }

    /** The JSON body of create; public so tests and compose can see what is sent. */
    public static ObjectNode createBody(ContainerConfig config, HostConfig hostConfig) {
        ObjectNode node = Json.MAPPER.valueToTree(config == null ? ContainerConfig.empty() : config);
        node.set("HostConfig", Json.MAPPER.valueToTree(hostConfig == null ? HostConfig.empty() : hostConfig));
        return node;
    }

    /** Starts it; an already running container (304) is not an error, as for docker. */
    public void start(String id) throws IOException {
        client.call("POST", path(id, "/start"));
    }

    /** {@code timeout} seconds before SIGKILL (null: the container's own), {@code signal} null for its stop signal. */
    public void stop(String id, Integer timeout, String signal) throws IOException {
        client.call("POST", Target.path("/containers").name(id).then("/stop")
                .query("signal", signal).query("t", timeout).toString());
    }

    public void restart(String id, Integer timeout, String signal) throws IOException {
        client.call("POST", Target.path("/containers").name(id).then("/restart")
                .query("signal", signal).query("t", timeout).toString());
    }

    /** {@code signal} by name (KILL, SIGINT) or number; null for KILL. */
    /** {@code POST /containers/{id}/resize}: the container's TTY becomes {@code rows} x {@code columns}. */
    public void resize(String id, int rows, int columns) throws IOException {
        client.call("POST", Target.path("/containers").name(id).then("/resize").query("h", Integer.toString(rows))
                .query("w", Integer.toString(columns)).toString());
    }

    public void kill(String id, String signal) throws IOException {
        client.call("POST", Target.path("/containers").name(id).then("/kill").query("signal", signal).toString());
    }

    /**
     * Registers a wait and returns once the daemon has accepted it (the response head),
     * so run can register it before start and not miss a fast exit.
     */
    public PendingWait await(String id, WaitCondition condition) throws IOException {
        String target = Target.path("/containers").name(id).then("/wait")
                .query("condition", condition == null ? null : condition.wire()).toString();
        return new PendingWait(client.send("POST", target, null));
    }

    public ContainerInspect inspect(String id) throws IOException {
        return client.getJson(path(id, "/json"), ContainerInspect.class);
    }

    /** Inspect as the daemon wrote it: for {@code inspect} output and {@code --format}. */
    public JsonNode inspectRaw(String id) throws IOException {
        return client.getTree(path(id, "/json"));
    }

    /** As {@link #inspectRaw} but the exact bytes, so output keeps the daemon's spelling. */
    public byte[] inspectBytes(String id) throws IOException {
        try (ApiResponse r = client.send("GET", path(id, "/json"), null)) {
            return r.body().readAllBytes();
        }
    }

    public List<ContainerSummary> list(ContainerListOptions options) throws IOException {
        return Arrays.asList(client.getJson(listTarget(options), ContainerSummary[].class));
    }

    /**
     * The list as the daemon wrote it, one tree per container: what {@code ps --format} templates
     * see, including fields the typed summary leaves out.
     */
    public List<JsonNode> listRaw(ContainerListOptions options) throws IOException {
        return EngineClient.elements(client.getTree(listTarget(options)));
    }

    private static String listTarget(ContainerListOptions options) {
        return Target.path("/containers/json").flag("all", options.all())
                .query("limit", options.limit() > 0 ? options.limit() : null)
                .flag("size", options.size()).filters(options.filters()).toString();
    }

    /**
     * The log stream: multiplexed frames for a container without a TTY, raw bytes with one.
     * The caller closes it (a followed stream never ends by itself).
     */
    public InputStream logs(String id, LogsOptions options) throws IOException {
        String target = Target.path("/containers").name(id).then("/logs")
                .flag("stdout", options.stdout()).flag("stderr", options.stderr())
                .flag("follow", options.follow()).query("tail", options.tail())
                .flag("timestamps", options.timestamps()).query("since", options.since())
                .query("until", options.until()).flag("details", options.details()).toString();
        return client.send("GET", target, null).body();
    }

    /** {@code force} kills a running one first, {@code volumes} removes its anonymous volumes. */
    public void remove(String id, boolean force, boolean volumes) throws IOException {
        client.call("DELETE", Target.path("/containers").name(id)
                .flag("v", volumes).flag("force", force).toString());
    }

    public void rename(String id, String newName) throws IOException {
        client.call("POST", Target.path("/containers").name(id).then("/rename").query("name", newName).toString());
    }

    /** Hijacks an attach connection; see {@link ApiStream} for the framing. */
    public ApiStream attach(String id, AttachOptions options) throws IOException {
        String target = Target.path("/containers").name(id).then("/attach")
                .flag("stream", options.stream()).flag("logs", options.logs())
                .flag("stdin", options.stdin()).flag("stdout", options.stdout())
                .flag("stderr", options.stderr()).query("detachKeys", options.detachKeys()).toString();
        return client.hijack("POST", target);
    }

    /** {@code POST /containers/{id}/pause}: freezes every process of the container. */
    public void pause(String id) throws IOException {
        client.call("POST", path(id, "/pause"));
    }

    public void unpause(String id) throws IOException {
        client.call("POST", path(id, "/unpause"));
    }

    /** {@code GET /containers/{id}/top?ps_args=}: {@code psArgs} null for ps's default ({@code -ef}). */
    public ContainerTopResponse top(String id, String psArgs) throws IOException {
        return client.getJson(Target.path("/containers").name(id).then("/top").query("ps_args", psArgs).toString(),
                ContainerTopResponse.class);
    }

    /** {@code POST /containers/prune}: removes stopped containers matching {@code filters} (until, label). */
    public ContainerPruneResponse prune(Filters filters) throws IOException {
        return EngineClient.readJson(client.send("POST", Target.path("/containers/prune").filters(filters).toString(),
                null), ContainerPruneResponse.class);
    }

    private static String path(String id, String suffix) {
        return Target.path("/containers").name(id).then(suffix).toString();
    }
}
