package dev.berth.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import java.io.IOException;
import java.util.Map;

/**
 * Pull, push and login through the daemon. {@code registryAuth} is the value of
 * {@code X-Registry-Auth} (base64url JSON credentials), or null for none.
 */
public final class DistributionClient {

    private static final String AUTH_HEADER = "X-Registry-Auth";

    private final EngineClient client;

    DistributionClient(EngineClient client) {
        this.client = client;
    }

    /** {@code POST /images/create?fromImage=&tag=&platform=}: the progress stream. */
    public JsonMessageStream pull(String image, String tag, String platform, String registryAuth) throws IOException {
        String target = Target.path("/images/create").query("fromImage", image).query("tag", tag)
                .query("platform", platform).toString();
        return new JsonMessageStream(client.send("POST", target, null, headers(registryAuth)));
    }

    /** {@code POST /images/{name}/push?tag=}: the progress stream. */
    public JsonMessageStream push(String name, String tag, String registryAuth) throws IOException {
        String target = Target.path("/images").name(name).then("/push").query("tag", tag).toString();
        return new JsonMessageStream(client.send("POST", target, null, headers(registryAuth)));
    }

    /** {@code POST /auth}: the daemon checks the credentials with the registry; its {@code Status}. */
    public String login(String username, String password, String serverAddress) throws IOException {
        var body = Json.MAPPER.createObjectNode().put("username", username).put("password", password)
                .put("serveraddress", serverAddress);
        try (ApiResponse r = client.send("POST", "/auth", RequestBody.json(Json.MAPPER.writeValueAsBytes(body)))) {
            JsonNode answer = Json.MAPPER.readTree(r.body());
            return answer.path("Status").asText("Login Succeeded");
        }
    }

    private static Map<String, String> headers(String registryAuth) {
        return registryAuth == null || registryAuth.isEmpty() ? Map.of() : Map.of(AUTH_HEADER, registryAuth);
    }
}
