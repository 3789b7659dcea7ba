package dev.berth.daemon.router.containers;

import dev.berth.api.types.container.ContainerPruneResponse;
import dev.berth.api.types.container.ContainerTopResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.engine.containers.ContainerPrune;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.containers.ContainerTop;
import dev.berth.engine.containers.PsTable;

/** {@code pause}, {@code unpause}, {@code top} and {@code /containers/prune}. */
public final class ContainerControlRoutes implements ApiRoutes.Group {

    private final ContainerService containers;
    private final ContainerTop top;
    private final ContainerPrune prune;

    public ContainerControlRoutes(ContainerService containers, ContainerTop top, ContainerPrune prune) {
        this.containers = containers;
        this.top = top;
        this.prune = prune;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/containers/{id}/pause", (req, res, p) -> {
            containers.pause(p.get("id"));
            res.sendEmpty(204);
        });
        routes.post("/containers/{id}/unpause", (req, res, p) -> {
            containers.unpause(p.get("id"));
            res.sendEmpty(204);
        });
        routes.get("/containers/{id}/top", (req, res, p) -> {
            PsTable table = top.top(p.get("id"), req.query().first("ps_args"));
            containers.announce(p.get("id"), "top", java.util.Map.of());
            Api.json(res, 200, new ContainerTopResponse(table.titles(), table.processes()));
        });
        routes.post("/containers/prune", (req, res, p) -> {
            ContainerPrune.Pruned pruned = prune.prune(Api.filters(req.query()));
            Api.json(res, 200, new ContainerPruneResponse(pruned.containersDeleted(), pruned.spaceReclaimed()));
        });
    }
}
