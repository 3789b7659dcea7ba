package dev.berth.daemon.router.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.api.types.container.HostConfig;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.engine.cgroups.CgroupReader;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.containers.ContainerStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A container's resources: {@code POST /containers/{id}/update} (limits and restart policy),
 * and {@code GET /containers/{id}/stats} (stream, one entry, or one-shot).
 */
public final class ResourcesRoutes implements ApiRoutes.Group {

    // dockerd's collector samples once a second.
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final ContainerService containers;
    private final CgroupReader cgroups;
    private final Clock clock;

    public ResourcesRoutes(ContainerService containers, CgroupReader cgroups, Clock clock) {
        this.containers = containers;
        this.cgroups = cgroups;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/containers/{id}/update", this::update);
        routes.get("/containers/{id}/stats", this::stats);
    }

    private void update(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        JsonNode body = Api.bodyTree(req);
        HostConfig changes = body == null || !body.isObject() ? HostConfig.empty()
                : Json.MAPPER.treeToValue(body, HostConfig.class);
        List<String> warnings = containers.update(p.get("id"), changes);
        Api.json(res, 200, Map.of("Warnings", warnings));
    }

    private void stats(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        ContainerRecord record = containers.get(p.get("id"));
        boolean stream = req.query().first("stream") == null || Api.bool(req.query(), "stream");
        boolean oneShot = Api.bool(req.query(), "one-shot");
        if (!stream) {
            StatsJson.Reading first = read(record);
            StatsJson.Reading previous = null;
            if (!oneShot && first != null) {
                LockSupport.parkNanos(INTERVAL.toNanos());
                previous = first;
                first = read(containers.get(record.id().hex()));
            }
            Api.json(res, 200, StatsJson.of(record.name(), record.id().hex(), first, first == null ? null : previous));
            return;
        }
        try (OutputStream out = res.stream(200, "application/json")) {
            StatsJson.Reading previous = null;
            while (true) {
                ContainerRecord now = current(record);
                StatsJson.Reading current = now == null ? null : read(now);
                ObjectNode entry = StatsJson.of(record.name(), record.id().hex(), current, previous);
                out.write(Json.MAPPER.writeValueAsBytes(entry));
                out.write('\n');
                out.flush();
                if (current == null) {
                    return;
                }
                previous = current;
                LockSupport.parkNanos(INTERVAL.toNanos());
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private ContainerRecord current(ContainerRecord record) {
        try {
            return containers.get(record.id().hex());
        } catch (dev.berth.engine.error.NotFoundException e) {
            return null;
        }
    }

    /** A reading of a running container's cgroup; null when it is not running. */
    private StatsJson.Reading read(ContainerRecord r) {
        ContainerStatus status = r.state().status();
        if ((status != ContainerStatus.RUNNING && status != ContainerStatus.PAUSED) || r.state().pid() <= 0) {
            return null;
        }
        return new StatsJson.Reading(clock.instant(), cgroups.read(containers.cgroupOf(r)), cgroups.systemCpuNanos(),
                cgroups.onlineCpus(), cgroups.network(r.state().pid()), cgroups.hostMemory());
    }
}
