package dev.berth.engine.networks;

import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.container.NetworkSettings;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.runtime.spec.NetworkNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Containers on networks. At start a named namespace {@code berth-<short id>} gets one veth per
 * declared network ({@code eth0} on the primary one, with the default route, then {@code eth1},
 * ...), each with the next free (or the requested) address; allocations are the networks'
 * endpoints, persisted with them. Then the port proxies open and every running container's
 * /etc/hosts is brought up to date ({@link HostsView}). {@code network connect} and
 * {@code disconnect} plug and unplug a veth while the container runs, or only change what it
 * declared while it is stopped.
 *
 * <p>Every method runs under the {@link NetworkService}'s lock.
 */
final class Endpoints implements ContainerNetworking {

    static final String CONTAINER_MODE = "container:";

    final NetworkService service;
    final Veths veths;
    final DeclaredStore declared;
    final Sandboxes sandboxes;
    private final EndpointConnections connections;
    /** Running containers on the host or none network (no endpoint record): ID -> that network's name. */
    private final Map<String, String> sharedNetworks = new java.util.concurrent.ConcurrentHashMap<>();
    volatile ContainerLookup containers = ref -> {
        throw new NotFoundException("No such container: " + ref);
    };

    Endpoints(NetworkService service, Veths veths, Path declaredRoot) throws IOException {
        this.service = service;
        this.veths = veths;
        this.declared = new DeclaredStore(declaredRoot);
        this.sandboxes = new Sandboxes(service);
        this.connections = new EndpointConnections(this);
    }

    void useContainers(ContainerLookup lookup) {
        this.containers = lookup;
    }

    static String netnsName(String containerId) {
        return "berth-" + containerId.substring(0, 12);
    }

    /** The host end of the container's veth in {@code slot} (its {@code eth<slot>}): 14 characters. */
    static String vethName(String containerId, int slot) {
        return "vb" + containerId.substring(0, 11) + Integer.toHexString(slot);
    }

    static String modeOf(String networkMode) {
        return networkMode == null || networkMode.isEmpty() || networkMode.equals("default") ? Network.BRIDGE : networkMode;
    }

    @Override
    public void declare(String containerId, String networkMode, Map<String, EndpointRequest> requested) {
        String mode = modeOf(networkMode);
        Map<String, EndpointRequest> asked = requested == null ? Map.of() : requested;
        synchronized (service) {
            Map<String, EndpointRequest> endpoints = new java.util.LinkedHashMap<>();
            if (mode.startsWith(CONTAINER_MODE)) {
                containers.find(mode.substring(CONTAINER_MODE.length()));
            } else {
                Network primary = service.lookup(mode);
                if (primary.hasBridge()) {
                    endpoints.put(primary.id(), checked(primary, find(asked, primary)));
                    for (var e : asked.entrySet()) {
                        // docker's CLI names the default network "default" in EndpointsConfig
                        Network n = service.lookup(modeOf(e.getKey()));
                        if (n.hasBridge() && !endpoints.containsKey(n.id())) {
                            endpoints.put(n.id(), checked(n, e.getValue()));
                        }
                    }
                }
            }
            declared.write(containerId, new Declared(mode, endpoints, null));
        }
    }

    private static EndpointRequest find(Map<String, EndpointRequest> asked, Network n) {
        EndpointRequest r = asked.get(n.name());
        r = r != null ? r : asked.get(n.id());
        r = r != null || !n.name().equals(Network.BRIDGE) ? r : asked.get("default");
        return r != null ? r : EndpointRequest.none();
    }

    /** A requested address must lie in the network's subnet (and not be its gateway). */
    static EndpointRequest checked(Network n, EndpointRequest r) {
        EndpointRequest req = r == null ? EndpointRequest.none() : r;
        if (req.ipv4Address() != null && !req.ipv4Address().isEmpty()) {
            int ip = Ipv4Subnet.parseAddress(req.ipv4Address());
            if (!n.ipv4Subnet().contains(ip) || req.ipv4Address().equals(n.gateway())) {
                throw new InvalidArgumentException("Invalid address " + req.ipv4Address()
                        + ": It does not belong to any of this network's subnets");
            }
        }
        return req;
    }

    Declared declaredOf(String containerId, String networkMode) {
        return declared.read(containerId).orElseGet(() -> {
            String mode = modeOf(networkMode);
            Map<String, EndpointRequest> eps = new java.util.LinkedHashMap<>();
            if (!mode.startsWith(CONTAINER_MODE)) {
                Network n = service.lookup(mode);
                if (n.hasBridge()) {
                    eps.put(n.id(), EndpointRequest.none());
                }
            }
            return new Declared(mode, eps, null);
        });
    }

    @Override
    public NetworkNamespace attach(Attachment a) {
        String id = a.containerId();
        synchronized (service) {
            Declared d = declaredOf(id, a.host().networkMode());
            String mode = d.networkMode();
            if (mode.equals(Network.HOST) || mode.equals(Network.NONE)) {
                // dockerd's host and none networks have an endpoint per container too, so connect events
                sharedNetworks.put(id, mode);
                service.announce("connect", service.lookup(mode), id);
                return mode.equals(Network.HOST) ? new NetworkNamespace.Host() : new NetworkNamespace.Fresh();
            }
            if (mode.startsWith(CONTAINER_MODE)) {
                return joinOther(mode.substring(CONTAINER_MODE.length()), a);
            }
            String netns = netnsName(id);
            List<PortForwarder> opened = new ArrayList<>();
            veths.createNamespace(netns);
            try {
                Declared.Sandbox sb = new Declared.Sandbox(a.name(), a.hostname(), a.domainname(),
                        a.host().extraHosts(), a.host().links(), a.hostsFile().toString(), List.of(), "");
                int slot = 0;
                for (var e : d.endpoints().entrySet()) {
                    plug(id, sb, service.lookup(e.getKey()), e.getValue(), slot++);
                }
                checkLinks(id, sb);
                String primaryIp = primaryAddress(id, d);
                List<PublishedPort> bound = new ArrayList<>();
                if (!primaryIp.isEmpty()) {
                    for (PortRequest p : PortBindings.resolve(a.host().portBindings(),
                            Boolean.TRUE.equals(a.host().publishAllPorts()), a.exposedPorts())) {
                        PortForwarder f = PortForwarder.open(p, primaryIp);
                        opened.add(f);
                        bound.add(p.boundTo(f.boundPort()));
                    }
                }
                sb = sb.withPorts(bound, primaryIp);
                recordPorts(id, d, bound);
                sandboxes.put(id, sb, opened);
                declared.write(id, d.withSandbox(sb));
                useEmbeddedDns(a, d);
            } catch (RuntimeException e) {
                opened.forEach(PortForwarder::close);
                unplugAll(id);
                veths.deleteNamespace(netns);
                throw e;
            }
            sandboxes.rewriteHosts();
            d.endpoints().keySet().forEach(networkId -> service.announce("connect", service.lookup(networkId), id));
            return new NetworkNamespace.Join(Path.of("/var/run/netns", netns));
        }
    }

    /**
     * On a user-defined primary network with a listener, the container's nameserver is the
     * embedded DNS server on the gateway, which forwards other names to its {@code --dns} servers
     * (dockerd: 127.0.0.11); on the default bridge the file stays the host's, as dockerd's.
     */
    private void useEmbeddedDns(Attachment a, Declared d) {
        if (a.resolvConf() == null || d.endpoints().isEmpty()) {
            return;
        }
        Network primary = service.lookup(d.endpoints().keySet().iterator().next());
        if (!primary.resolvesNames() || !service.dns().serves(primary.id())) {
            return;
        }
        service.dns().useServers(a.containerId(), a.host().dns());
        try {
            java.nio.file.Path file = a.resolvConf();
            String current = java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "";
            String next = ResolvConf.embedded(current, primary.gateway());
            if (!next.equals(current)) {
                // in place: the file is (or will be) bind-mounted, so the inode must stay
                java.nio.file.Files.writeString(file, next);
            }
        } catch (IOException e) {
            throw new dev.berth.engine.error.SystemException("failed to write /etc/resolv.conf of " + a.name()
                    + ": " + e.getMessage(), e);
        }
    }

    /** {@code --network container:NAME}: the other container's namespace and a copy of its /etc/hosts. */
    private NetworkNamespace joinOther(String ref, Attachment a) {
        ContainerLookup.Found other = containers.find(ref);
        if (!other.running()) {
            throw new ConflictException("cannot join network namespace of a non running container: " + other.id());
        }
        sandboxes.copyHosts(other.id(), a.hostsFile());
        Path named = Path.of("/var/run/netns", netnsName(other.id()));
        return new NetworkNamespace.Join(java.nio.file.Files.exists(named) ? named
                : Path.of("/proc", Integer.toString(other.pid()), "ns", "net"));
    }

    private void checkLinks(String id, Declared.Sandbox sb) {
        for (String link : sb.links()) {
            if (HostsView.linked(link, id, service.list()).isEmpty()) {
                throw new InvalidArgumentException("could not get container for " + HostsView.parseLink(link)[0]
                        + ": Cannot link to a non running container on the default bridge");
            }
        }
    }

    private String primaryAddress(String id, Declared d) {
        for (String networkId : d.endpoints().keySet()) {
            Network.Endpoint ep = service.lookup(networkId).endpoints().get(id);
            if (ep != null) {
                return ep.ipAddress();
            }
        }
        return "";
    }

    void recordPorts(String id, Declared d, List<PublishedPort> bound) {
        if (bound.isEmpty() || d.endpoints().isEmpty()) {
            return;
        }
        Network primary = service.lookup(d.endpoints().keySet().iterator().next());
        Network.Endpoint ep = primary.endpoints().get(id);
        service.update(primary.withEndpoint(ep.withPorts(bound)));
    }

    /** One veth into network {@code n} as {@code eth<slot>}; slot 0 carries the default route. */
    void plug(String id, Declared.Sandbox sb, Network n, EndpointRequest req, int slot) {
        service.bringUp(n);
        int ip = req.ipv4Address() == null || req.ipv4Address().isEmpty() ? allocate(n) : reserve(n, req.ipv4Address());
        String ipText = Ipv4Subnet.formatAddress(ip);
        String mac = MacAddresses.fromIp(ip);
        String ifName = "eth" + slot;
        String veth = vethName(id, slot);
        veths.plug(netnsName(id), veth, ifName, n, ipText, mac, slot == 0);
        service.update(n.withEndpoint(new Network.Endpoint(id, sb.name(), endpointId(id, n), ipText, mac,
                req.aliases(), sb.hostsFile(), List.of(), ifName, veth)));
    }

    /** The lowest free address after the gateway; the network's endpoints are its allocations. */
    static int allocate(Network n) {
        Ipv4Subnet subnet = n.ipv4Subnet();
        int gateway = Ipv4Subnet.parseAddress(n.gateway());
        Set<Integer> taken = new java.util.HashSet<>();
        n.endpoints().values().forEach(e -> taken.add(Ipv4Subnet.parseAddress(e.ipAddress())));
        for (int a = subnet.firstHost(); a != subnet.broadcast(); a++) {
            if (a != gateway && !taken.contains(a)) {
                return a;
            }
        }
        throw new ConflictException("no available IPv4 addresses on network " + n.name());
    }

    /** A requested address ({@code --ip}), if no other container holds it. */
    static int reserve(Network n, String address) {
        int ip = Ipv4Subnet.parseAddress(address);
        if (n.endpoints().values().stream().anyMatch(e -> e.ipAddress().equals(address))) {
            throw new ConflictException("Address already in use: " + address + " on network " + n.name());
        }
        return ip;
    }

    private static String endpointId(String containerId, Network n) {
        return dev.berth.engine.digest.Digest.sha256(containerId + "/" + n.id()).hex();
    }

    /** Removes the container's endpoints from every network and their veths. */
    void unplugAll(String id) {
        for (Network n : service.list()) {
            Network.Endpoint ep = n.endpoints().get(id);
            if (ep != null) {
                veths.unplug(netnsName(id), ep.interfaceName() == null ? "eth0" : ep.interfaceName(),
                        ep.hostVeth() == null ? "vb" + id.substring(0, 12) : ep.hostVeth());
                service.update(n.withoutEndpoint(id));
            }
        }
    }

    @Override
    public void release(String containerId) {
        synchronized (service) {
            String shared = sharedNetworks.remove(containerId);
            if (shared != null) {
                service.announce("disconnect", service.lookup(shared), containerId);
            }
            List<Network> joined = service.list().stream().filter(n -> n.endpoints().containsKey(containerId)).toList();
            boolean attached = sandboxes.remove(containerId) | !joined.isEmpty();
            if (!attached) {
                return;
            }
            joined.forEach(n -> service.announce("disconnect", n, containerId));
            unplugAll(containerId);
            service.dns().forget(containerId);
            veths.deleteNamespace(netnsName(containerId));
            declared.read(containerId).ifPresent(d -> declared.write(containerId, d.withSandbox(null)));
            sandboxes.rewriteHosts();
        }
    }

    @Override
    public void forget(String containerId) {
        synchronized (service) {
            release(containerId);
            declared.delete(containerId);
        }
    }

    /** {@code network connect}, see {@link EndpointConnections#connect}. */
    void connect(Network n, String containerRef, EndpointRequest request) {
        connections.connect(n, containerRef, request);
    }

    /** {@code network disconnect}, see {@link EndpointConnections#disconnect}. */
    void disconnect(Network n, String containerRef, boolean force) {
        connections.disconnect(n, containerRef, force);
    }

    /** Daemon start, see {@link EndpointRecovery#recover}. */
    void recover(Set<String> running) {
        new EndpointRecovery(this).recover(running);
    }

    /** Releases every endpoint (daemon shutdown, after containers were stopped). */
    void releaseAll() {
        for (Network n : service.list()) {
            for (String id : List.copyOf(n.endpoints().keySet())) {
                release(id);
            }
        }
    }

    @Override
    public NetworkSettings settings(String containerId, String networkMode, Set<String> exposedPorts) {
        synchronized (service) {
            Declared d;
            try {
                d = declaredOf(containerId, networkMode);
            } catch (RuntimeException e) {
                return ContainerNetworking.loopbackOnly().settings(containerId, networkMode, exposedPorts);
            }
            return EndpointViews.settings(containerId, d, service.list(), exposedPorts);
        }
    }

    @Override
    public List<ContainerSummary.Port> ports(String containerId, Set<String> exposedPorts) {
        synchronized (service) {
            return EndpointViews.ports(containerId, service.list(), exposedPorts);
        }
    }
}
