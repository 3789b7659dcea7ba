package dev.berth.daemon.router.containers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.berth.api.Json;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.engine.archive.TarWriter;
import dev.berth.engine.containers.ContainerChanges;
import dev.berth.engine.containers.ContainerService;
import java.io.OutputStream;

/**
 * {@code GET /containers/{id}/changes} ({@code docker diff}: the writable layer's changes as
 * {@code [{"Path","Kind"}]}, Kind 0 modified, 1 added, 2 deleted) and
 * {@code GET /containers/{id}/export} (the merged filesystem as a tar; volumes and the
 * engine's /etc files are not part of it, as with dockerd).
 */
public final class ContainerFilesystemRoutes implements ApiRoutes.Group {

    private final ContainerService containers;

    public ContainerFilesystemRoutes(ContainerService containers) {
        this.containers = containers;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/containers/{id}/changes", (req, res, p) -> {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (ContainerChanges.Change c : containers.changes(p.get("id"))) {
                out.addObject().put("Path", c.path()).put("Kind", c.kind().code());
            }
            Api.json(res, 200, out);
        });
        routes.get("/containers/{id}/export", (req, res, p) -> {
            containers.withFilesystem(p.get("id"), (rootfs, mounts) -> {
                try (OutputStream out = res.stream(200, "application/x-tar")) {
                    TarWriter.write(rootfs, out);
                }
                return null;
            });
            containers.announce(p.get("id"), "export", java.util.Map.of());
        });
    }
}
