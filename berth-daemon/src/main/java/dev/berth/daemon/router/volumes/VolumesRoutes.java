package dev.berth.daemon.router.volumes;

import dev.berth.api.types.volume.VolumeCreateRequest;
import dev.berth.api.types.volume.VolumeListResponse;
import dev.berth.api.types.volume.VolumePruneResponse;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.engine.volumes.Volume;
import dev.berth.engine.volumes.VolumeStore;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/** {@code /volumes}: create, list, inspect, remove, prune. */
public final class VolumesRoutes implements ApiRoutes.Group {

    private final VolumeStore volumes;

    public VolumesRoutes(VolumeStore volumes) {
        this.volumes = volumes;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/volumes/create", this::create);
        routes.get("/volumes", this::list);
        routes.post("/volumes/prune", this::prune);
        routes.get("/volumes/{name}", (req, res, p) -> Api.json(res, 200, view(volumes.get(p.get("name")))));
        routes.delete("/volumes/{name}", (req, res, p) -> {
            volumes.remove(p.get("name"), Api.bool(req.query(), "force"));
            res.sendEmpty(204);
        });
    }

    private void create(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        VolumeCreateRequest body = Api.body(req, VolumeCreateRequest.class,
                new VolumeCreateRequest(null, null, null, null));
        Volume v = volumes.create(body.name(), body.driver(), body.driverOpts(), body.labels());
        Api.json(res, 201, view(v));
    }

    private void list(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        Predicate<Volume> filter = VolumeFilters.forList(Api.filters(req.query()),
                v -> !volumes.usersOf(v.name()).isEmpty());
        List<dev.berth.api.types.volume.Volume> out = volumes.list().stream().filter(filter).map(VolumesRoutes::view)
                .toList();
        Api.json(res, 200, new VolumeListResponse(out, List.of()));
    }

    private void prune(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        VolumeStore.Pruned pruned = volumes.prune(VolumeFilters.forPrune(Api.filters(req.query())));
        Api.json(res, 200, new VolumePruneResponse(pruned.names(), pruned.bytes()));
    }

    /** dockerd shows no Options (null) for a volume created without any; CreatedAt is RFC 3339 to the second. */
    public static dev.berth.api.types.volume.Volume view(Volume v) {
        return new dev.berth.api.types.volume.Volume(
                java.time.format.DateTimeFormatter.ISO_INSTANT.format(v.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), v.driver(), v.labels(),
                v.mountpoint().toString(), v.name(), v.options().isEmpty() ? null : v.options(), "local");
    }
}
