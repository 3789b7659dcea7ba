package dev.berth.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import dev.berth.api.types.system.VersionResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of the Engine API over one {@link Transport}. The first call negotiates the API
 * version as docker's client does: {@code HEAD /_ping} (then {@code GET} if HEAD is refused),
 * read {@code Api-Version} (1.24 when absent), use the older of it and {@link ApiVersion#CURRENT}.
 * Every later request goes to {@code /v<version>/...}.
 *
 * <p>Every call throws {@link ApiException} when the daemon answers 400 or more, with the
 * daemon's message, {@link DaemonUnreachableException} when no connection can be made, and
 * other IOExceptions for broken connections. Thread-safe: run uses attach, wait and start
 * from several threads.
 */
public final class EngineClient implements AutoCloseable {

    private final Transport transport;
    private volatile ApiVersion version;
    private final ContainersClient containers;
    private final ImagesClient images;
    private final VolumesClient volumes;
    private final ExecClient execs;

    /** A client that negotiates its API version on first use. */
    public EngineClient(Transport transport) {
        this(transport, null);
    }

    /** A client pinned to {@code version} (no ping), as DOCKER_API_VERSION does; null negotiates. */
    public EngineClient(Transport transport, ApiVersion version) {
        this.transport = transport;
        this.version = version;
        this.containers = new ContainersClient(this);
        this.images = new ImagesClient(this);
        this.volumes = new VolumesClient(this);
        this.execs = new ExecClient(this);
    }

    public ContainersClient containers() {
        return containers;
    }

    public DistributionClient distribution() {
        return new DistributionClient(this);
    }

    public ImagesClient images() {
        return images;
    }

    public VolumesClient volumes() {
        return volumes;
    }

    public NetworksClient networks() {
        return new NetworksClient(this);
    }

    public ResourcesClient resources() {
        return new ResourcesClient(this);
    }

    public ExecClient execs() {
        return execs;
    }

    /** The negotiated API version; pings the daemon the first time. */
    public ApiVersion apiVersion() throws IOException {
        ApiVersion v = version;
        if (v == null) {
            v = ApiVersion.min(ping(), ApiVersion.CURRENT);
            version = v;
        }
        return v;
    }

    /** Pings the daemon and returns the API version it announces (1.24 when it announces none). */
    public ApiVersion ping() throws IOException {
        ApiResponse r;
        try {
            r = transport.send(ApiRequest.of("HEAD", "/_ping"));
        } catch (DaemonUnreachableException e) {
            throw e;
        } catch (IOException e) {
            r = null;
        }
        if (r == null || (r.status() != 200 && r.status() != 500)) {
            if (r != null) {
                r.close();
            }
            r = transport.send(ApiRequest.of("GET", "/_ping"));
        }
        try (ApiResponse response = r) {
            String header = response.header("Api-Version");
            if (header == null || header.isBlank()) {
                return ApiVersion.FALLBACK;
            }
            return ApiVersion.parse(header);
        }
    }

    public VersionResponse version() throws IOException {
        return getJson("/version", VersionResponse.class);
    }

    /** {@code GET /info} as the daemon wrote it: docker's info has too many fields to type. */
    public JsonNode info() throws IOException {
        return getTree("/info");
    }

    /**
     * The escape hatch: sends {@code method} to the versioned {@code pathAndQuery} (e.g.
     * {@code /containers/json?all=1}) and returns the open response. Throws ApiException on
     * 400 or more, like every other call.
     */
    public ApiResponse raw(String method, String pathAndQuery) throws IOException {
        return send(method, pathAndQuery, null);
    }

    /** As {@link #raw(String, String)}, with a body. */
    public ApiResponse raw(String method, String pathAndQuery, RequestBody body) throws IOException {
        return send(method, pathAndQuery, body);
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }

    // --- shared by the per-resource clients ---

    ApiResponse send(String method, String pathAndQuery, RequestBody body) throws IOException {
        return send(method, pathAndQuery, body, Map.of());
    }

    /** As {@link #send(String, String, RequestBody)} with extra headers ({@code X-Registry-Auth}). */
    ApiResponse send(String method, String pathAndQuery, RequestBody body, Map<String, String> headers)
            throws IOException {
        ApiRequest request = request(method, pathAndQuery, body, headers);
        ApiResponse response = transport.send(request);
        if (response.status() >= 400) {
            try (response) {
                throw error(response.status(), response.header("Content-Type"), response.body(),
                        method, request.target());
            }
        }
        return response;
    }

    ApiStream hijack(String method, String pathAndQuery) throws IOException {
        return hijack(method, pathAndQuery, null);
    }

    /** As {@link #hijack(String, String)}, with a request body (exec start sends JSON). */
    ApiStream hijack(String method, String pathAndQuery, RequestBody body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Connection", "Upgrade");
        headers.put("Upgrade", "tcp");
        ApiRequest request = request(method, pathAndQuery, body, headers);
        ApiStream stream = transport.hijack(request);
        if (stream.status() != 101 && stream.status() != 200) {
            try (stream) {
                throw error(stream.status(), stream.header("Content-Type"), stream.in(), method, request.target());
            }
        }
        return stream;
    }

    /** Sends and discards the answer: for 204s and the like. */
    void call(String method, String pathAndQuery) throws IOException {
        try (ApiResponse r = send(method, pathAndQuery, null)) {
            r.body().transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    <T> T getJson(String pathAndQuery, Class<T> type) throws IOException {
        return readJson(send("GET", pathAndQuery, null), type);
    }

    /** The elements of a JSON array answer; anything else is a daemon bug worth naming. */
    static List<JsonNode> elements(JsonNode array) throws IOException {
        if (array == null || !array.isArray()) {
            throw new IOException("expected a JSON array from the daemon, got " + (array == null ? "nothing" : array.getNodeType()));
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    /** GET as a tree: {@link JsonTrees}, so that no ObjectMapper is built for it. */
    JsonNode getTree(String pathAndQuery) throws IOException {
        try (ApiResponse response = send("GET", pathAndQuery, null)) {
            return JsonTrees.read(response.body());
        }
    }

    static <T> T readJson(ApiResponse response, Class<T> type) throws IOException {
        try (response) {
            return Json.MAPPER.readValue(response.body(), type);
        }
    }

    private ApiRequest request(String method, String pathAndQuery, RequestBody body, Map<String, String> extra)
            throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        if (body != null) {
            headers.put("Content-Type", body.contentType());
        }
        return new ApiRequest(method, apiVersion().pathPrefix() + pathAndQuery, headers, body);
    }

    /**
     * The exception for an error answer. Like docker's client, the JSON message is used only
     * when the body is JSON; otherwise the body text; an empty body gets docker's generic text.
     */
    static ApiException error(int status, String contentType, InputStream body, String method, String target)
            throws IOException {
        byte[] bytes = body.readNBytes(64 * 1024);
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (contentType != null && contentType.startsWith("application/json") && !text.isEmpty()) {
            try {
                JsonNode node = JsonTrees.read(bytes);
                JsonNode message = node == null ? null : node.get("message");
                if (message != null && message.isTextual()) {
                    return new ApiException(status, message.asText());
                }
            } catch (IOException notJson) {
                // fall through to the body text, as docker does with a body it cannot decode
            }
        }
        if (text.isEmpty()) {
            text = "request returned " + status + " for API route and version " + method + " " + target
                    + ", check if the server supports the requested API version";
        }
        return new ApiException(status, text);
    }
}
