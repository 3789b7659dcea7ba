package dev.berth.daemon.router.networks;

import dev.berth.api.types.network.Ipam;
import dev.berth.api.types.network.NetworkCreateRequest;
import dev.berth.api.types.network.NetworkCreateResponse;
import dev.berth.api.types.network.NetworkPruneResponse;
import dev.berth.api.types.network.NetworkResource;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotImplementedException;
import dev.berth.engine.networks.ContainerNetworking;
import dev.berth.engine.networks.Network;
import dev.berth.engine.networks.NetworkService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@code /networks}: create, list, inspect, remove, prune, connect, disconnect. */
public final class NetworksRoutes implements ApiRoutes.Group {

    private final NetworkService networks;

    public NetworksRoutes(NetworkService networks) {
        this.networks = networks;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/networks/create", this::create);
        routes.get("/networks", (req, res, p) -> Api.json(res, 200,
                networks.list().stream().filter(filter(Api.filters(req.query()))).map(NetworksRoutes::view).toList()));
        routes.post("/networks/prune", (req, res, p) -> Api.json(res, 200,
                new NetworkPruneResponse(networks.prune(filter(Api.filters(req.query()))))));
        routes.get("/networks/{id}", (req, res, p) -> Api.json(res, 200, view(networks.get(p.get("id")))));
        routes.delete("/networks/{id}", (req, res, p) -> {
            networks.remove(p.get("id"));
            res.sendEmpty(204);
        });
        routes.post("/networks/{id}/connect", this::connect);
        routes.post("/networks/{id}/disconnect", (req, res, p) -> {
            JsonNode body = Api.bodyTree(req);
            networks.disconnect(p.get("id"), container(body), body.path("Force").asBoolean(false));
            res.sendEmpty(200);
        });
    }

    /** Body {@code {"Container": ref, "EndpointConfig": {"Aliases": [..], "IPAMConfig": {"IPv4Address": ..}}}}. */
    private void connect(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        JsonNode body = Api.bodyTree(req);
        String ref = container(body);
        JsonNode config = body.path("EndpointConfig");
        List<String> aliases = new ArrayList<>();
        config.path("Aliases").forEach(a -> aliases.add(a.asText()));
        String ip = config.path("IPAMConfig").path("IPv4Address").asText("");
        networks.connect(p.get("id"), ref, new ContainerNetworking.EndpointRequest(aliases, ip));
        res.sendEmpty(200);
    }

    private static String container(JsonNode body) {
        String ref = body == null ? "" : body.path("Container").asText("");
        if (ref.isEmpty()) {
            throw new InvalidArgumentException("container is required");
        }
        return ref;
    }

    private void create(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        NetworkCreateRequest body = Api.body(req, NetworkCreateRequest.class,
                new NetworkCreateRequest(null, null, null, null, null, null, null, null));
        String subnet = null;
        String gateway = null;
        if (body.ipam() != null && body.ipam().config() != null && !body.ipam().config().isEmpty()) {
            if (body.ipam().config().size() > 1) {
                throw new NotImplementedException("berth networks have one IPv4 subnet");
            }
            Ipam.Config c = body.ipam().config().getFirst();
            if (c.ipRange() != null && !c.ipRange().isEmpty()) {
                throw new NotImplementedException("--ip-range is not supported by berth yet");
            }
            subnet = c.subnet();
            gateway = c.gateway();
        }
        Network n = networks.create(new NetworkService.CreateRequest(body.name(), body.driver(), subnet, gateway,
                Boolean.TRUE.equals(body.internal()), body.labels(), body.options()));
        Api.json(res, 201, new NetworkCreateResponse(n.id(), ""));
    }

    /** dockerd's list filters: name (substring), id (prefix), driver, label, type (custom|builtin). */
    static Predicate<Network> filter(Map<String, List<String>> filters) {
        Predicate<Network> all = n -> true;
        for (var f : filters.entrySet()) {
            List<String> values = f.getValue();
            Predicate<Network> one = switch (f.getKey()) {
                case "name" -> n -> values.stream().anyMatch(v -> n.name().contains(v));
                case "id" -> n -> values.stream().anyMatch(v -> n.id().startsWith(v));
                case "driver" -> n -> values.contains(n.driver());
                case "label" -> n -> values.stream().allMatch(v -> labelMatches(n.labels(), v));
                case "type" -> n -> values.contains(n.isPredefined() ? "builtin" : "custom");
                default -> throw new InvalidArgumentException("invalid filter '" + f.getKey() + "'");
            };
            all = all.and(one);
        }
        return all;
    }

    private static boolean labelMatches(Map<String, String> labels, String filter) {
        int eq = filter.indexOf('=');
        return eq < 0 ? labels.containsKey(filter) : filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
    }

    static NetworkResource view(Network n) {
        Map<String, NetworkResource.EndpointResource> containers = new LinkedHashMap<>();
        for (Network.Endpoint e : n.endpoints().values()) {
            containers.put(e.containerId(), new NetworkResource.EndpointResource(e.containerName(), e.endpointId(),
                    e.macAddress(), e.ipAddress() + "/" + n.ipv4Subnet().prefix(), ""));
        }
        List<Ipam.Config> config = n.subnet() == null || n.subnet().isEmpty() ? List.of()
                : List.of(new Ipam.Config(n.subnet(), null, n.gateway()));
        return new NetworkResource(n.name(), n.id(), n.created(), "local", n.driver(), true, false,
                new Ipam("default", null, config), n.internal(), false, false, Map.of("Network", ""), false,
                containers, n.options(), n.labels());
    }
}
