package dev.berth.engine.networks;

import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.container.NetworkSettings;
import dev.berth.api.types.container.PortBinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A container's networks as inspect and {@code ps} show them: pure functions of the records. */
final class EndpointViews {

    private EndpointViews() {
    }

    /**
     * NetworkSettings: every declared network by name (addresses while running), the primary
     * one's address at the top level for the default bridge, as dockerd, and the ports.
     */
    static NetworkSettings settings(String containerId, Declared d, List<Network> networks, Set<String> exposedPorts) {
        Map<String, Network> byId = new LinkedHashMap<>();
        networks.forEach(n -> byId.put(n.id(), n));
        Map<String, NetworkSettings.EndpointSettings> shown = new LinkedHashMap<>();
        Network.Endpoint primary = null;
        Network primaryNetwork = null;
        if (!d.networkMode().startsWith("container:")) {
            networks.stream().filter(n -> !n.hasBridge() && n.name().equals(d.networkMode())).findFirst()
                    .ifPresent(n -> shown.put(n.name(), new NetworkSettings.EndpointSettings(null, n.id(), "", "", "", 0, "", null)));
        }
        for (var e : d.endpoints().entrySet()) {
            Network n = byId.get(e.getKey());
            if (n == null) {
                continue;
            }
            Network.Endpoint ep = n.endpoints().get(containerId);
            List<String> aliases = e.getValue().aliases().isEmpty() ? null : e.getValue().aliases();
            if (ep == null) {
                shown.put(n.name(), new NetworkSettings.EndpointSettings(aliases, n.id(), "", "", "", 0, "", null));
                continue;
            }
            if (primary == null) {
                primary = ep;
                primaryNetwork = n;
            }
            shown.put(n.name(), new NetworkSettings.EndpointSettings(aliases, n.id(), ep.endpointId(), n.gateway(),
                    ep.ipAddress(), n.ipv4Subnet().prefix(), ep.macAddress(),
                    n.resolvesNames() ? HostsView.dnsNames(ep) : null));
        }
        Map<String, List<PortBinding>> ports = new TreeMap<>();
        boolean running = primary != null;
        if (running) {
            if (exposedPorts != null) {
                exposedPorts.forEach(k -> ports.put(k, null));
            }
            for (PublishedPort p : primary.ports()) {
                List<PortBinding> list = ports.get(p.key()) == null ? new ArrayList<>() : new ArrayList<>(ports.get(p.key()));
                list.add(new PortBinding(p.hostIp(), Integer.toString(p.hostPort())));
                ports.put(p.key(), list);
            }
        }
        boolean defaultBridge = running && primaryNetwork.name().equals(Network.BRIDGE);
        return new NetworkSettings("", running ? primary.endpointId() : "",
                running ? "/var/run/netns/" + Endpoints.netnsName(containerId) : "", ports,
                defaultBridge ? primaryNetwork.gateway() : "", defaultBridge ? primary.ipAddress() : "",
                defaultBridge ? primaryNetwork.ipv4Subnet().prefix() : 0, defaultBridge ? primary.macAddress() : "", shown);
    }

    /** The ports {@code ps} lists: published ones while running, then the exposed rest. */
    static List<ContainerSummary.Port> ports(String containerId, List<Network> networks, Set<String> exposedPorts) {
        List<ContainerSummary.Port> out = new ArrayList<>();
        Set<String> published = new HashSet<>();
        for (Network n : networks) {
            Network.Endpoint ep = n.endpoints().get(containerId);
            if (ep != null) {
                for (PublishedPort p : ep.ports()) {
                    published.add(p.key());
                    out.add(new ContainerSummary.Port(p.hostIp(), p.containerPort(), p.hostPort(), p.protocol()));
                }
            }
        }
        if (exposedPorts != null) {
            for (String key : new TreeSet<>(exposedPorts)) {
                if (!published.contains(key)) {
                    PublishedPort p = PortBindings.exposed(key);
                    out.add(new ContainerSummary.Port(null, p.containerPort(), null, p.protocol()));
                }
            }
        }
        return out;
    }
}
