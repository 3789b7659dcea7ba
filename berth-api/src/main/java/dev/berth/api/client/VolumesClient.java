package dev.berth.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import dev.berth.api.types.volume.Volume;
import dev.berth.api.types.volume.VolumeCreateRequest;
import dev.berth.api.types.volume.VolumePruneResponse;
import java.io.IOException;
import java.util.List;

/** The {@code /volumes} endpoints. Obtain from {@link EngineClient#volumes()}. */
public final class VolumesClient {

    private final EngineClient client;

    VolumesClient(EngineClient client) {
        this.client = client;
    }

    public Volume create(VolumeCreateRequest request) throws IOException {
        return EngineClient.readJson(client.send("POST", "/volumes/create",
                RequestBody.json(Json.MAPPER.writeValueAsBytes(request))), Volume.class);
    }

    /** The {@code Volumes} of the list answer as trees: what {@code volume ls --format} templates see. */
    public List<JsonNode> listRaw(Filters filters) throws IOException {
        JsonNode answer = client.getTree(Target.path("/volumes").filters(filters).toString());
        JsonNode volumes = answer == null ? null : answer.get("Volumes");
        return volumes == null || volumes.isNull() ? List.of() : EngineClient.elements(volumes);
    }

    /** The inspect answer's exact bytes. */
    public byte[] inspectBytes(String name) throws IOException {
        try (ApiResponse r = client.send("GET", Target.path("/volumes").name(name).toString(), null)) {
            return r.body().readAllBytes();
        }
    }

    public void remove(String name, boolean force) throws IOException {
        client.call("DELETE", Target.path("/volumes").name(name).flag("force", force).toString());
    }

    public VolumePruneResponse prune(Filters filters) throws IOException {
        return EngineClient.readJson(client.send("POST", Target.path("/volumes/prune").filters(filters).toString(),
                null), VolumePruneResponse.class);
    }
}
