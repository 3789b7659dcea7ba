package dev.berth.daemon.router.system;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code GET /system/df}, {@code POST /images/prune}, {@code POST /build/prune}, in dockerd's JSON. */
public final class DiskUsageRoutes implements ApiRoutes.Group {

    private final DiskUsageBackend backend;

    public DiskUsageRoutes(DiskUsageBackend backend) {
        this.backend = backend;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/system/df", this::df);
        routes.post("/images/prune", this::pruneImages);
        routes.post("/build/prune", this::pruneBuild);
    }

    private void df(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        List<String> types = req.query().all("type");
        boolean every = types == null || types.isEmpty();
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (every || types.contains("image")) {
            root.put("LayersSize", backend.layersSize());
            root.set("Images", Json.MAPPER.valueToTree(backend.images()));
        }
        if (every || types.contains("container")) {
            root.set("Containers", Json.MAPPER.valueToTree(backend.containers()));
        }
        if (every || types.contains("volume")) {
            ArrayNode volumes = root.putArray("Volumes");
            for (DiskUsageBackend.VolumeUsage v : backend.volumes()) {
                ObjectNode node = Json.MAPPER.valueToTree(v.volume());
                node.putObject("UsageData").put("Size", v.size()).put("RefCount", v.refCount());
                volumes.add(node);
            }
        }
        if (every || types.contains("build-cache")) {
            ArrayNode cache = root.putArray("BuildCache");
            for (DiskUsageBackend.CacheEntry e : backend.buildCache()) {
                ObjectNode node = cache.addObject().put("ID", e.id());
                node.putArray("Parents").add(e.parent() == null ? "" : e.parent());
                node.put("Type", e.type()).put("Description", e.description()).put("InUse", false)
                        .put("Shared", e.shared()).put("Size", e.size())
                        .put("CreatedAt", e.created().toString()).put("LastUsedAt", e.lastUsed().toString())
                        .put("UsageCount", 1);
            }
        }
        Api.json(res, 200, root);
    }

    private void pruneImages(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        Map<String, List<String>> filters = Api.filters(req.query());
        boolean all = false;
        for (var e : filters.entrySet()) {
            switch (e.getKey()) {
                case "dangling" -> all = e.getValue().stream().anyMatch(v -> v.equalsIgnoreCase("false") || v.equals("0"));
                case "label", "label!", "until" -> {
                    // handed to the backend
                }
                default -> throw new InvalidArgumentException("Invalid filter '" + e.getKey() + "'");
            }
        }
        DiskUsageBackend.Pruned pruned = backend.pruneImages(all, filters);
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (pruned.deleted().isEmpty()) {
            body.putNull("ImagesDeleted");
        } else {
            body.set("ImagesDeleted", Json.MAPPER.valueToTree(pruned.deleted()));
        }
        body.put("SpaceReclaimed", pruned.reclaimed());
        Api.json(res, 200, body);
    }

    private void pruneBuild(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        DiskUsageBackend.CachePruned pruned = backend.pruneBuildCache();
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (pruned.keys().isEmpty()) {
            body.putNull("CachesDeleted");
        } else {
            body.set("CachesDeleted", Json.MAPPER.valueToTree(pruned.keys()));
        }
        body.put("SpaceReclaimed", pruned.reclaimed());
        Api.json(res, 200, body);
    }
}
