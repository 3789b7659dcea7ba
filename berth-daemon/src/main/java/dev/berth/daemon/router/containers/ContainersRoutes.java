package dev.berth.daemon.router.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import dev.berth.api.Timestamps;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.ContainerCreateResponse;
import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.container.Health;
import dev.berth.api.types.container.HostConfig;
import dev.berth.api.types.container.WaitResponse;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.networks.ContainerNetworking;
import dev.berth.engine.containers.WaitCondition;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.health.HealthSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/** The {@code /containers} routes but attach and logs (see {@link ContainerStreamsRoutes}). */
public final class ContainersRoutes implements ApiRoutes.Group {

    private final ContainerService containers;
    private final Clock clock;
    private final HealthLookup health;

    /** A container's {@code State.Health}: empty when it has no healthcheck. */
    @FunctionalInterface
    public interface HealthLookup {
        Optional<Health> of(ContainerRecord record);
    }

    public ContainersRoutes(ContainerService containers, Clock clock) {
        this(containers, clock, r -> Optional.empty());
    }

    public ContainersRoutes(ContainerService containers, Clock clock, HealthLookup health) {
        this.containers = containers;
        this.clock = clock;
        this.health = health;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/containers/create", this::create);
        routes.get("/containers/json", this::list);
        routes.get("/containers/{id}/json", this::inspect);
        routes.post("/containers/{id}/start", (req, res, p) -> {
            containers.start(p.get("id"));
            res.sendEmpty(204);
        });
        routes.post("/containers/{id}/stop", (req, res, p) -> {
            containers.stop(p.get("id"), Api.integer(req.query(), "t", null), req.query().first("signal"));
            res.sendEmpty(204);
        });
        routes.post("/containers/{id}/kill", (req, res, p) -> {
            containers.kill(p.get("id"), req.query().first("signal"));
            res.sendEmpty(204);
        });
        routes.post("/containers/{id}/restart", (req, res, p) -> {
            containers.restart(p.get("id"), Api.integer(req.query(), "t", null), req.query().first("signal"));
            res.sendEmpty(204);
        });
        routes.post("/containers/{id}/wait", this::waitFor);
        routes.delete("/containers/{id}", (req, res, p) -> {
            containers.remove(p.get("id"), Api.bool(req.query(), "force"), Api.bool(req.query(), "v"));
            res.sendEmpty(204);
        });
        routes.post("/containers/{id}/rename", (req, res, p) -> {
            containers.rename(p.get("id"), req.query().first("name"));
            res.sendEmpty(204);
        });
    }

    private void create(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        JsonNode body = Api.bodyTree(req);
        if (body == null || !body.isObject()) {
            throw new InvalidArgumentException("config cannot be empty in order to create a container");
        }
        ContainerConfig config = Json.MAPPER.treeToValue(body, ContainerConfig.class);
        HealthSettings.validate(config.healthcheck());
        JsonNode hostNode = body.get("HostConfig");
        HostConfig host = hostNode == null || hostNode.isNull() ? HostConfig.empty()
                : Json.MAPPER.treeToValue(hostNode, HostConfig.class);
        ContainerService.Created created = containers.create(req.query().first("name"), config, host,
                networkEndpoints(body.get("NetworkingConfig")));
        Api.json(res, 201, new ContainerCreateResponse(created.record().id().hex(), created.warnings()));
    }

    /**
     * {@code NetworkingConfig.EndpointsConfig.<network>}: Aliases ({@code --network-alias}) and
     * IPAMConfig.IPv4Address ({@code --ip}); docker-compose sends every network of a service here.
     */
    static Map<String, ContainerNetworking.EndpointRequest> networkEndpoints(JsonNode networking) {
        Map<String, ContainerNetworking.EndpointRequest> endpoints = new java.util.LinkedHashMap<>();
        JsonNode config = networking == null ? null : networking.get("EndpointsConfig");
        if (config != null && config.isObject()) {
            config.properties().forEach(e -> {
                List<String> names = new ArrayList<>();
                JsonNode list = e.getValue() == null ? null : e.getValue().get("Aliases");
                if (list != null && list.isArray()) {
                    list.forEach(a -> names.add(a.asText()));
                }
                JsonNode ipam = e.getValue() == null ? null : e.getValue().get("IPAMConfig");
                JsonNode ip = ipam == null || ipam.isNull() ? null : ipam.get("IPv4Address");
                endpoints.put(e.getKey(), new ContainerNetworking.EndpointRequest(names,
                        ip == null || ip.isNull() ? null : ip.asText()));
            });
        }
        return endpoints;
    }

    private void list(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        boolean all = Api.bool(req.query(), "all");
        boolean size = Api.bool(req.query(), "size");
        int limit = Api.integer(req.query(), "limit", -1);
        Predicate<ContainerRecord> filter = ContainerFilters.of(Api.filters(req.query()), health::of);
        boolean statusFiltered = Api.filters(req.query()).containsKey("status")
                || Api.filters(req.query()).containsKey("exited");
        Instant now = clock.instant();
        List<ContainerSummary> out = new ArrayList<>();
        for (ContainerRecord r : containers.list()) {
            if (limit > 0 && out.size() >= limit) {
                break;
            }
            if (!all && limit <= 0 && !statusFiltered && !r.isRunning()) {
                continue;
            }
            if (filter.test(r)) {
                out.add(ContainerViews.summary(r, containers, size, now, health.of(r).orElse(null)));
            }
        }
        Api.json(res, 200, out);
    }

    private void inspect(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        ContainerRecord r = containers.get(p.get("id"));
        Api.json(res, 200, ContainerViews.inspect(r, containers, Api.bool(req.query(), "size"), health.of(r).orElse(null)));
    }

    /**
     * Sends the response head at once (the docker CLI blocks on it before it starts the
     * container), then the status when the condition is met.
     */
    private void waitFor(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        CompletableFuture<Integer> done = containers.waitFor(p.get("id"),
                WaitCondition.parse(req.query().first("condition")));
        try (OutputStream out = res.stream(200, "application/json")) {
            out.flush();
            WaitResponse answer;
            try {
                answer = new WaitResponse(done.get(), null);
            } catch (ExecutionException e) {
                answer = new WaitResponse(-1, new WaitResponse.WaitError(String.valueOf(e.getCause().getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            out.write(Json.MAPPER.writeValueAsBytes(answer));
            out.write('\n');
        }
    }

    static String formatTime(Instant t) {
        return Timestamps.format(t);
    }
}
