package dev.berth.engine.networks;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.ForbiddenException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.networks.ContainerNetworking.EndpointRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code network connect} and {@code disconnect}: plug or unplug one veth while the container
 * runs, or only change what a stopped one declared. When the network that carries the default
 * route and the published ports goes, the next connected network takes both over (the route
 * is replaced, the proxies re-open on the same host ports towards the new address), as dockerd
 * moves the gateway endpoint.
 *
 * <p>Every method runs under the {@link NetworkService}'s lock.
 */
final class EndpointConnections {

    private static final int MAX_INTERFACES = 16;

    private final Endpoints endpoints;

    EndpointConnections(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Records the network; plugs a veth at once when the container runs. */
    void connect(Network n, String containerRef, EndpointRequest request) {
        ContainerLookup.Found c = endpoints.containers.find(containerRef);
        Declared d = endpoints.declaredOf(c.id(), null);
        refuseShared(d, n);
        if (d.endpoints().containsKey(n.id())) {
            throw new ForbiddenException("endpoint with name " + c.name() + " already exists in network " + n.name());
        }
        EndpointRequest req = Endpoints.checked(n, request);
        Declared next = d.withEndpoint(n.id(), req);
        Sandboxes sandboxes = endpoints.sandboxes;
        if (c.running() && sandboxes.isAttached(c.id())) {
            Declared.Sandbox sb = sandboxes.get(c.id());
            endpoints.plug(c.id(), sb, n, req, freeSlot(c.id()));
            endpoints.service.announce("connect", n, c.id());
            if (sb.primaryIp().isEmpty()) {
                // the container had lost every network: this one carries the route and the ports now
                Network now = endpoints.service.lookup(n.id());
                endpoints.veths.defaultRoute(Endpoints.netnsName(c.id()), now.gateway());
                sandboxes.repoint(c.id(), now.endpoints().get(c.id()).ipAddress());
                recordPorts(c.id(), now);
                sb = sandboxes.get(c.id());
            }
            next = next.withSandbox(sb);
        }
        endpoints.declared.write(c.id(), next);
        sandboxes.rewriteHosts();
    }

    private static void refuseShared(Declared d, Network n) {
        if (d.networkMode().equals(Network.HOST) || n.name().equals(Network.HOST)) {
            throw new InvalidArgumentException("container cannot be disconnected from host network or connected to host network");
        }
        if (d.networkMode().equals(Network.NONE) || n.name().equals(Network.NONE)) {
            throw new InvalidArgumentException("container cannot be connected to multiple networks with one of the networks in private (none) mode");
        }
        if (d.networkMode().startsWith(Endpoints.CONTAINER_MODE)) {
            throw new InvalidArgumentException("container sharing network namespace with another container or host cannot be connected to any other network");
        }
    }

    private int freeSlot(String id) {
        Set<String> used = new HashSet<>();
        endpoints.service.list().forEach(n -> {
            Network.Endpoint ep = n.endpoints().get(id);
            if (ep != null && ep.interfaceName() != null) {
                used.add(ep.interfaceName());
            }
        });
        int slot = 0;
        while (used.contains("eth" + slot)) {
            slot++;
        }
        if (slot >= MAX_INTERFACES) {
            throw new ConflictException("container " + id + " is on too many networks (berth allows " + MAX_INTERFACES + ")");
        }
        return slot;
    }

    /** Unplugs the veth of a running container and forgets the network; {@code force} also for a removed container. */
    void disconnect(Network n, String containerRef, boolean force) {
        ContainerLookup.Found c;
        try {
            c = endpoints.containers.find(containerRef);
        } catch (NotFoundException e) {
            if (!force) {
                throw e;
            }
            n.endpoints().values().stream()
                    .filter(ep -> ep.containerName().equals(containerRef) || ep.containerId().startsWith(containerRef))
                    .findFirst().ifPresent(ep -> dropEndpoint(n, ep));
            return;
        }
        Declared d = endpoints.declaredOf(c.id(), null);
        if (d.networkMode().equals(Network.HOST) && n.name().equals(Network.HOST)) {
            refuseShared(d, n);
        }
        Network.Endpoint ep = n.endpoints().get(c.id());
        if (!d.endpoints().containsKey(n.id()) && ep == null) {
            throw new InvalidArgumentException("container " + c.id() + " is not connected to network " + n.name());
        }
        Declared next = d.withoutEndpoint(n.id());
        if (ep != null) {
            dropEndpoint(n, ep);
            endpoints.service.announce("disconnect", n, c.id());
            Sandboxes sandboxes = endpoints.sandboxes;
            if (sandboxes.isAttached(c.id()) && ep.ipAddress().equals(sandboxes.get(c.id()).primaryIp())) {
                movePrimary(c.id(), next);
                next = next.withSandbox(sandboxes.get(c.id()));
            }
        }
        endpoints.declared.write(c.id(), next);
        endpoints.sandboxes.rewriteHosts();
    }

    /** The primary network went: the next declared one still attached gets the default route and the ports. */
    private void movePrimary(String id, Declared remaining) {
        Optional<Network> next = remaining.endpoints().keySet().stream()
                .map(networkId -> endpoints.service.list().stream().filter(x -> x.id().equals(networkId)).findFirst())
                .flatMap(Optional::stream)
                .filter(x -> x.endpoints().containsKey(id))
                .findFirst();
        if (next.isEmpty()) {
            endpoints.sandboxes.repoint(id, "");
            return;
        }
        endpoints.veths.defaultRoute(Endpoints.netnsName(id), next.get().gateway());
        endpoints.sandboxes.repoint(id, next.get().endpoints().get(id).ipAddress());
        recordPorts(id, next.get());
    }

    private void recordPorts(String id, Network primary) {
        Network.Endpoint ep = primary.endpoints().get(id);
        endpoints.service.update(primary.withEndpoint(ep.withPorts(endpoints.sandboxes.get(id).ports())));
    }

    void dropEndpoint(Network n, Network.Endpoint ep) {
        endpoints.veths.unplug(Endpoints.netnsName(ep.containerId()), ep.interfaceName(), ep.hostVeth());
        endpoints.service.update(n.withoutEndpoint(ep.containerId()));
    }
}
