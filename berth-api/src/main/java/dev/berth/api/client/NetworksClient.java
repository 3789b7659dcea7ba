package dev.berth.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import dev.berth.api.types.network.NetworkCreateRequest;
import dev.berth.api.types.network.NetworkCreateResponse;
import dev.berth.api.types.network.NetworkPruneResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code /networks} endpoints. Obtain from {@link EngineClient#networks()}. */
public final class NetworksClient {

    private final EngineClient client;

    NetworksClient(EngineClient client) {
        this.client = client;
    }

    public NetworkCreateResponse create(NetworkCreateRequest request) throws IOException {
        return EngineClient.readJson(client.send("POST", "/networks/create",
                RequestBody.json(Json.MAPPER.writeValueAsBytes(request))), NetworkCreateResponse.class);
    }

    /** The list answer as trees: what {@code network ls --format} templates see. */
    public List<JsonNode> listRaw(Filters filters) throws IOException {
        JsonNode answer = client.getTree(Target.path("/networks").filters(filters).toString());
        return answer == null || answer.isNull() ? List.of() : EngineClient.elements(answer);
    }

    /** The inspect answer's exact bytes. */
    public byte[] inspectBytes(String name) throws IOException {
        try (ApiResponse r = client.send("GET", Target.path("/networks").name(name).toString(), null)) {
            return r.body().readAllBytes();
        }
    }

    /**
     * {@code POST /networks/{network}/connect}: joins {@code container} to the network with
     * {@code aliases} (empty for none), as compose joins a service's further networks.
     */
    public void connect(String network, String container, List<String> aliases) throws IOException {
        java.util.Map<String, Object> endpoint = new java.util.LinkedHashMap<>();
        if (!aliases.isEmpty()) {
            endpoint.put("Aliases", aliases);
        }
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("Container", container);
        body.put("EndpointConfig", endpoint);
        try (ApiResponse r = client.send("POST", Target.path("/networks").name(network).then("/connect").toString(),
                RequestBody.json(JsonValues.write(body)))) {
            r.body().transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    public void remove(String name) throws IOException {
        client.call("DELETE", Target.path("/networks").name(name).toString());
    }

    /**
     * {@code POST /networks/{id}/connect}: the container by name or ID, with network-scoped
     * aliases and a fixed IPv4 address (null or empty for the next free one).
     */
    public void connect(String network, String container, List<String> aliases, String ipv4Address) throws IOException {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        if (aliases != null && !aliases.isEmpty()) {
            endpoint.put("Aliases", aliases);
        }
        if (ipv4Address != null && !ipv4Address.isEmpty()) {
            endpoint.put("IPAMConfig", Map.of("IPv4Address", ipv4Address));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Container", container);
        body.put("EndpointConfig", endpoint);
        post(Target.path("/networks").name(network).then("/connect").toString(), body);
    }

    /** {@code POST /networks/{id}/disconnect}; {@code force} also for a container that is gone. */
    public void disconnect(String network, String container, boolean force) throws IOException {
        post(Target.path("/networks").name(network).then("/disconnect").toString(),
                Map.of("Container", container, "Force", force));
    }

    private void post(String target, Object body) throws IOException {
        try (ApiResponse r = client.send("POST", target, RequestBody.json(Json.MAPPER.writeValueAsBytes(body)))) {
            r.body().readAllBytes();
        }
    }

    public NetworkPruneResponse prune(Filters filters) throws IOException {
        return EngineClient.readJson(client.send("POST", Target.path("/networks/prune").filters(filters).toString(),
                null), NetworkPruneResponse.class);
    }
}
