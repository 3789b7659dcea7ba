package dev.berth.engine.networks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One network as stored in {@code networks/<id>.json}. Immutable: a change is a new record.
 *
 * @param driver    {@code bridge}, {@code host} or {@code null}
 * @param subnet    CIDR, empty for host and none
 * @param bridge    the Linux bridge's name, empty for host and none
 * @param endpoints the attached (running) containers by container ID: their address allocations
 */
public record Network(
        String id,
        String name,
        String driver,
        String created,
        String subnet,
        String gateway,
        boolean internal,
        Map<String, String> labels,
        Map<String, String> options,
        String bridge,
        Map<String, Endpoint> endpoints) {

    public static final String BRIDGE = "bridge";
    public static final String HOST = "host";
    public static final String NONE = "none";

    /** The networks every daemon has and nobody may remove. */
    public boolean isPredefined() {
        return List.of(BRIDGE, HOST, NONE).contains(name);
    }

    /** A network with a bridge of ours (the default bridge and user-defined bridges). */
    public boolean hasBridge() {
        return bridge != null && !bridge.isEmpty();
    }

    /** User-defined bridge networks resolve their containers' names (the default bridge does not). */
    public boolean resolvesNames() {
        return hasBridge() && !BRIDGE.equals(name);
    }

    public Ipv4Subnet ipv4Subnet() {
        return Ipv4Subnet.parse(subnet);
    }

    public Network withEndpoint(Endpoint endpoint) {
        Map<String, Endpoint> next = new LinkedHashMap<>(endpoints);
        next.put(endpoint.containerId(), endpoint);
        return withEndpoints(next);
    }

    public Network withoutEndpoint(String containerId) {
        Map<String, Endpoint> next = new LinkedHashMap<>(endpoints);
        next.remove(containerId);
        return withEndpoints(next);
    }

    private Network withEndpoints(Map<String, Endpoint> next) {
        return new Network(id, name, driver, created, subnet, gateway, internal, labels, options, bridge,
                Map.copyOf(next));
    }

    /**
     * A container attached to this network.
     *
     * @param hostsFile     the container's /etc/hosts on the host, rewritten when peers come and go
     * @param ports         the published ports with the host port actually bound (on the primary endpoint)
     * @param interfaceName the interface inside the container ({@code eth0}, {@code eth1}, ...)
     * @param hostVeth      the veth's host end on the bridge
     */
    public record Endpoint(String containerId, String containerName, String endpointId, String ipAddress,
            String macAddress, List<String> aliases, String hostsFile, List<PublishedPort> ports,
            String interfaceName, String hostVeth) {

        public Endpoint {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            ports = ports == null ? List.of() : List.copyOf(ports);
        }

        public Endpoint withPorts(List<PublishedPort> bound) {
            return new Endpoint(containerId, containerName, endpointId, ipAddress, macAddress, aliases, hostsFile,
                    bound, interfaceName, hostVeth);
        }
    }
}
