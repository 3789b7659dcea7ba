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
import java.util.concurrent.ConcurrentHashMap;

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

    private static final System.Logger LOG = System.getLogger("berthd.networks");
    private static final String CONTAINER_MODE = "container:";

    private final NetworkService service;
    private final BridgeDriver driver;
    private final DeclaredStore declared;
    private final Sandboxes sandboxes;
    /** Running containers on the host or none network (no endpoint record): ID -> that network's name. */
    private final Map<String, String> sharedNetworks = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile ContainerLookup containers = ref -> {
        throw new NotFoundException("No such container: " + ref);
    };

    Endpoints(NetworkService service, BridgeDriver driver, Path declaredRoot) throws IOException {
        this.service = service;
        this.driver = driver;
        this.declared = new DeclaredStore(declaredRoot);
        this.sandboxes = new Sandboxes(service);
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
    private static EndpointRequest checked(Network n, EndpointRequest r) {
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

    private Declared declaredOf(String containerId, String networkMode) {
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
            driver.createNamespace(netns);
            try {
                Declared.Sandbox sb = new Declared.Sandbox(a.name(), a.hostname(), a.domainname(),
                        a.host().extraHosts(), a.host().links(), a.hostsFile().toString(), List.of(), "");
                int slot = 0;
                for (var e : d.endpoints().entrySet()) {
                    plug(id, sb, service.lookup(e.getKey()), e.getValue(), slot++);
                }
                checkLinks(sb);
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
            } catch (RuntimeException e) {
                opened.forEach(PortForwarder::close);
                unplugAll(id);
                driver.deleteNamespace(netns);
                throw e;
            }
            sandboxes.rewriteHosts();
            d.endpoints().keySet().forEach(networkId -> service.announce("connect", service.lookup(networkId), id));
            return new NetworkNamespace.Join(Path.of("/var/run/netns", netns));
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

    private void checkLinks(Declared.Sandbox sb) {
        for (String link : sb.links()) {
            if (HostsView.linked(link, service.list()).isEmpty()) {
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

    private void recordPorts(String id, Declared d, List<PublishedPort> bound) {
        if (bound.isEmpty() || d.endpoints().isEmpty()) {
            return;
        }
        Network primary = service.lookup(d.endpoints().keySet().iterator().next());
        Network.Endpoint ep = primary.endpoints().get(id);
        service.update(primary.withEndpoint(ep.withPorts(bound)));
    }

    /** One veth into network {@code n} as {@code eth<slot>}; slot 0 carries the default route. */
    private void plug(String id, Declared.Sandbox sb, Network n, EndpointRequest req, int slot) {
        service.bringUp(n);
        int ip = req.ipv4Address() == null || req.ipv4Address().isEmpty() ? allocate(n) : reserve(n, req.ipv4Address());
        String ipText = Ipv4Subnet.formatAddress(ip);
        String mac = MacAddresses.fromIp(ip);
        String ifName = "eth" + slot;
        String veth = vethName(id, slot);
        driver.plug(netnsName(id), veth, ifName, n, ipText, mac, slot == 0);
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
    private void unplugAll(String id) {
        for (Network n : service.list()) {
            Network.Endpoint ep = n.endpoints().get(id);
            if (ep != null) {
                driver.unplug(netnsName(id), ep.interfaceName() == null ? "eth0" : ep.interfaceName(),
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
            driver.deleteNamespace(netnsName(containerId));
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

    /** {@code network connect}: records the network; plugs a veth at once when the container runs. */
    void connect(Network n, String containerRef, EndpointRequest request) {
        ContainerLookup.Found c = containers.find(containerRef);
        Declared d = declaredOf(c.id(), null);
        refuseShared(d, n);
        if (d.endpoints().containsKey(n.id())) {
            throw new dev.berth.engine.error.ForbiddenException("endpoint with name " + c.name()
                    + " already exists in network " + n.name());
        }
        EndpointRequest req = checked(n, request);
        Declared next = d.withEndpoint(n.id(), req);
        if (c.running() && sandboxes.isAttached(c.id())) {
            Declared.Sandbox sb = sandboxes.get(c.id());
            plug(c.id(), sb, n, req, freeSlot(c.id()));
            service.announce("connect", n, c.id());
            if (sb.primaryIp().isEmpty()) {
                sb = sb.withPorts(sb.ports(), service.lookup(n.id()).endpoints().get(c.id()).ipAddress());
                sandboxes.update(c.id(), sb);
            }
            next = next.withSandbox(sb);
        }
        declared.write(c.id(), next);
        sandboxes.rewriteHosts();
    }

    private static void refuseShared(Declared d, Network n) {
        if (d.networkMode().equals(Network.HOST) || n.name().equals(Network.HOST)) {
            throw new InvalidArgumentException("container cannot be disconnected from host network or connected to host network");
        }
        if (d.networkMode().equals(Network.NONE) || n.name().equals(Network.NONE)) {
            throw new InvalidArgumentException("container cannot be connected to multiple networks with one of the networks in private (none) mode");
        }
        if (d.networkMode().startsWith(CONTAINER_MODE)) {
            throw new InvalidArgumentException("container sharing network namespace with another container or host cannot be connected to any other network");
        }
    }

    private int freeSlot(String id) {
        Set<String> used = new java.util.HashSet<>();
        service.list().forEach(n -> {
            Network.Endpoint ep = n.endpoints().get(id);
            if (ep != null && ep.interfaceName() != null) {
                used.add(ep.interfaceName());
            }
        });
        int slot = 0;
        while (used.contains("eth" + slot)) {
            slot++;
        }
        if (slot > 15) {
            throw new ConflictException("container " + id + " is on too many networks (berth allows 16)");
        }
        return slot;
    }

    /** {@code network disconnect}: unplugs the veth of a running container and forgets the network. */
    void disconnect(Network n, String containerRef, boolean force) {
        ContainerLookup.Found c;
        try {
            c = containers.find(containerRef);
        } catch (NotFoundException e) {
            if (!force) {
                throw e;
            }
            n.endpoints().values().stream()
                    .filter(ep -> ep.containerName().equals(containerRef) || ep.containerId().startsWith(containerRef))
                    .findFirst().ifPresent(ep -> dropEndpoint(n, ep));
            return;
        }
        Declared d = declaredOf(c.id(), null);
        if (d.networkMode().equals(Network.HOST) && n.name().equals(Network.HOST)) {
            refuseShared(d, n);
        }
        Network.Endpoint ep = n.endpoints().get(c.id());
        if (!d.endpoints().containsKey(n.id()) && ep == null) {
            throw new InvalidArgumentException("container " + c.id() + " is not connected to network " + n.name());
        }
        if (ep != null) {
            dropEndpoint(n, ep);
            service.announce("disconnect", n, c.id());
        }
        declared.write(c.id(), declaredOf(c.id(), null).withoutEndpoint(n.id()));
        sandboxes.rewriteHosts();
    }

    private void dropEndpoint(Network n, Network.Endpoint ep) {
        driver.unplug(netnsName(ep.containerId()), ep.interfaceName(), ep.hostVeth());
        service.update(n.withoutEndpoint(ep.containerId()));
    }

    /**
     * Daemon start: containers still running (after a crash) get their published ports back;
     * what containers that no longer run left behind (namespaces, veths, allocations) goes.
     */
    void recover(Set<String> running) {
        Map<String, Declared> all = declared.all();
        for (var e : all.entrySet()) {
            String id = e.getKey();
            Declared d = e.getValue();
            boolean netnsLeft = java.nio.file.Files.exists(Path.of("/var/run/netns", netnsName(id)));
            if (running.contains(id) && d.sandbox() != null && netnsLeft) {
                for (String networkId : d.endpoints().keySet()) {
                    try {
                        service.bringUp(service.lookup(networkId));
                    } catch (NotFoundException gone) {
                        LOG.log(System.Logger.Level.WARNING, "network " + networkId + " of " + id + " is gone");
                    }
                }
                sandboxes.put(id, d.sandbox(), reopen(d.sandbox()));
            } else if (d.sandbox() != null || netnsLeft) {
                LOG.log(System.Logger.Level.INFO, "cleaning up the network of container " + id.substring(0, 12));
                unplugAll(id);
                driver.deleteNamespace(netnsName(id));
                declared.write(id, d.withSandbox(null));
            }
        }
        for (Network n : service.list()) {
            for (Network.Endpoint ep : n.endpoints().values()) {
                if (!sandboxes.isAttached(ep.containerId())) {
                    dropEndpoint(n, ep);
                    driver.deleteNamespace(netnsName(ep.containerId()));
                }
            }
        }
        sandboxes.rewriteHosts();
    }

    private static List<PortForwarder> reopen(Declared.Sandbox sb) {
        List<PortForwarder> opened = new ArrayList<>();
        for (PublishedPort p : sb.ports()) {
            try {
                opened.add(PortForwarder.open(new PortRequest(p.hostIp(), p.hostPort(), p.hostPort(),
                        p.containerPort(), p.protocol()), sb.primaryIp()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot re-publish " + p + ": " + e.getMessage());
            }
        }
        return opened;
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
