package dev.berth.engine.networks;

import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.container.HostConfig;
import dev.berth.api.types.container.NetworkSettings;
import dev.berth.engine.runtime.spec.NetworkNamespace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the container lifecycle asks of networking. {@link #declare} at create (checks the
 * networks exist and keeps the container's endpoint requests), {@link #attach} at each start
 * (returns the namespace the runtime must use), {@link #release} when the process has ended
 * (addresses, namespace, veths and published ports go), {@link #forget} at removal.
 * {@link NetworkService#connect}/{@link NetworkService#disconnect} change the declared networks of
 * a created or running container in between.
 */
public interface ContainerNetworking {

    /**
     * One start's request: who the container is and what its HostConfig asks for.
     *
     * @param resolvConf the container's /etc/resolv.conf on the host (as written from the host's and
     *                   the {@code --dns*} flags): on a user-defined network its nameserver becomes
     *                   the embedded DNS server; null to leave it alone
     */
    record Attachment(String containerId, String name, String hostname, String domainname, HostConfig host,
            Set<String> exposedPorts, Path hostsFile, Path resolvConf) {
    }

    /**
     * What a container asks of one network: dockerd's EndpointSettings of NetworkingConfig
     * ({@code --network-alias}, {@code --ip}) and of {@code network connect}.
     *
     * @param ipv4Address a fixed address in the network's subnet, or null/empty for the next free one
     */
    record EndpointRequest(List<String> aliases, String ipv4Address) {

        public EndpointRequest {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        public static EndpointRequest none() {
            return new EndpointRequest(List.of(), null);
        }
    }

    /**
     * Checks the network mode names something that exists and remembers the endpoint requests,
     * keyed by network name or ID ({@code NetworkingConfig.EndpointsConfig}); the network of
     * {@code networkMode} is always the first (primary) one.
     */
    void declare(String containerId, String networkMode, Map<String, EndpointRequest> endpoints);

    /** Prepares the container's network and returns where the runtime finds it. */
    NetworkNamespace attach(Attachment attachment);

    /** Undoes {@link #attach}; harmless when nothing is attached. */
    void release(String containerId);

    /** Drops what {@link #declare} kept. */
    void forget(String containerId);

    /** Inspect's NetworkSettings for the container (addresses only while it runs). */
    NetworkSettings settings(String containerId, String networkMode, Set<String> exposedPorts);

    /** The ports {@code docker ps} lists: published ones while running, else the exposed ones. */
    List<ContainerSummary.Port> ports(String containerId, Set<String> exposedPorts);

    /** Today's behaviour without networks: loopback only, or the host's stack. */
    static ContainerNetworking loopbackOnly() {
        return new LoopbackOnly();
    }
}
