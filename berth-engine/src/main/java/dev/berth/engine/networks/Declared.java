package dev.berth.engine.networks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a container declared about networks, kept in {@code networks/containers/<id>.json}:
 * its network mode, the networks it is connected to in order (keyed by network ID; the first
 * is the primary one, which holds the default route and the published ports) and, while it
 * runs, its {@link Sandbox}.
 */
record Declared(String networkMode, Map<String, ContainerNetworking.EndpointRequest> endpoints, Sandbox sandbox) {

    Declared {
        endpoints = endpoints == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    Declared withEndpoint(String networkId, ContainerNetworking.EndpointRequest request) {
        Map<String, ContainerNetworking.EndpointRequest> next = new LinkedHashMap<>(endpoints);
        next.put(networkId, request);
        return new Declared(networkMode, next, sandbox);
    }

    Declared withoutEndpoint(String networkId) {
        Map<String, ContainerNetworking.EndpointRequest> next = new LinkedHashMap<>(endpoints);
        next.remove(networkId);
        return new Declared(networkMode, next, sandbox);
    }

    Declared withSandbox(Sandbox next) {
        return new Declared(networkMode, endpoints, next);
    }

    /**
     * A running container's network namespace and what its /etc/hosts is made of; kept on disk
     * so that a daemon restarted after a crash can re-open the published ports.
     *
     * @param extraHosts {@code --add-host} entries, {@code host-gateway} not yet resolved
     * @param links      {@code --link name:alias} on the default bridge
     * @param ports      the published ports as bound, forwarded to the primary address
     * @param primaryIp  the address on the primary network, empty when on none
     */
    record Sandbox(String name, String hostname, String domainname, List<String> extraHosts, List<String> links,
            String hostsFile, List<PublishedPort> ports, String primaryIp) {

        Sandbox {
            extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
            links = links == null ? List.of() : List.copyOf(links);
            ports = ports == null ? List.of() : List.copyOf(ports);
        }

        Sandbox withPorts(List<PublishedPort> bound, String ip) {
            return new Sandbox(name, hostname, domainname, extraHosts, links, hostsFile, bound, ip);
        }
    }
}
