package dev.berth.engine.networks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.container.NetworkSettings;
import dev.berth.api.types.container.PortBinding;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.NotImplementedException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.metadata.AtomicFiles;
import dev.berth.engine.runtime.spec.NetworkNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Containers on networks: at start a named namespace {@code berth-<short id>} with a veth into
 * the network's bridge, the next free address (allocations are the network's endpoints,
 * persisted with it), /etc/hosts with the container's address and, on user-defined networks,
 * every peer's name and aliases (rewritten in place for all peers when one comes or goes: the
 * file is bind-mounted, so the same inode must change), and the port proxies.
 */
final class Endpoints implements ContainerNetworking {

    private static final System.Logger LOG = System.getLogger("berthd.networks");

    /** What a container asked for at create. */
    record Declared(String networkMode, Map<String, List<String>> aliases) {
    }

    private final NetworkService service;
    private final BridgeDriver driver;
    private final Path declaredRoot;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final Map<String, List<PortProxy>> proxies = new ConcurrentHashMap<>();
    private final Map<String, HostsInput> hostsInputs = new ConcurrentHashMap<>();

    /** What a container's /etc/hosts is made of besides its peers. */
    private record HostsInput(String hostname, List<String> extraHosts) {
    }

    Endpoints(NetworkService service, BridgeDriver driver, Path declaredRoot) throws IOException {
        this.service = service;
        this.driver = driver;
        this.declaredRoot = declaredRoot;
        Files.createDirectories(declaredRoot);
    }

    static String netnsName(String containerId) {
        return "berth-" + containerId.substring(0, 12);
    }

    static String vethName(String containerId) {
        return "vb" + containerId.substring(0, 12);
    }

    static String modeOf(String networkMode) {
        return networkMode == null || networkMode.isEmpty() || networkMode.equals("default") ? Network.BRIDGE : networkMode;
    }

    @Override
    public void declare(String containerId, String networkMode, Map<String, List<String>> aliases) {
        String mode = modeOf(networkMode);
        if (mode.startsWith("container:")) {
            throw new NotImplementedException("--network container:<name> is not supported by berth yet");
        }
        synchronized (service) {
            service.lookup(mode);
        }
        try {
            AtomicFiles.write(declaredRoot.resolve(containerId + ".json"),
                    mapper.writeValueAsBytes(new Declared(mode, aliases == null ? Map.of() : aliases)));
        } catch (IOException e) {
            throw new SystemException("failed to record the networks of " + containerId + ": " + e.getMessage(), e);
        }
    }

    private Declared declared(String containerId, String networkMode) {
        Path file = declaredRoot.resolve(containerId + ".json");
        try {
            if (Files.isRegularFile(file)) {
                return mapper.readValue(file.toFile(), Declared.class);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable " + file + ": " + e.getMessage());
        }
        return new Declared(modeOf(networkMode), Map.of());
    }

    @Override
    public NetworkNamespace attach(Attachment a) {
        Declared d = declared(a.containerId(), a.host().networkMode());
        if (d.networkMode().equals(Network.HOST)) {
            return new NetworkNamespace.Host();
        }
        if (d.networkMode().equals(Network.NONE)) {
            return new NetworkNamespace.Fresh();
        }
        List<PublishedPort> wanted = PortBindings.resolve(a.host().portBindings(),
                Boolean.TRUE.equals(a.host().publishAllPorts()), a.exposedPorts());
        String netns = netnsName(a.containerId());
        synchronized (service) {
            Network n = service.lookup(d.networkMode());
            service.bringUp(n);
            int ip = allocate(n);
            String ipText = Ipv4Subnet.formatAddress(ip);
            String mac = MacAddresses.fromIp(ip);
            driver.attach(netns, vethName(a.containerId()), n, ipText, mac);
            List<PortProxy> opened = new ArrayList<>();
            List<PublishedPort> bound = new ArrayList<>();
            try {
                for (PublishedPort p : wanted) {
                    if (!p.protocol().equals("tcp")) {
                        throw new NotImplementedException("publishing " + p.key() + ": berth publishes tcp ports only so far");
                    }
                    PortProxy proxy = PortProxy.open(p, ipText);
                    opened.add(proxy);
                    bound.add(new PublishedPort(p.hostIp(), proxy.boundPort(), p.containerPort(), p.protocol()));
                }
            } catch (RuntimeException e) {
                opened.forEach(PortProxy::close);
                driver.detach(netns, vethName(a.containerId()));
                throw e;
            }
            proxies.put(a.containerId(), opened);
            List<String> aliases = d.aliases().getOrDefault(n.name(), List.of());
            Network.Endpoint ep = new Network.Endpoint(a.containerId(), a.name(), endpointId(a.containerId(), n),
                    ipText, mac, aliases == null ? List.of() : List.copyOf(aliases), a.hostsFile().toString(), bound);
            Network updated = n.withEndpoint(ep);
            service.update(updated);
            hostsInputs.put(a.containerId(), new HostsInput(a.hostname(), a.host().extraHosts()));
            rewriteHosts(updated);
        }
        return new NetworkNamespace.Join(Path.of("/var/run/netns", netns));
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

    private static String endpointId(String containerId, Network n) {
        return dev.berth.engine.digest.Digest.sha256(containerId + "/" + n.id()).hex();
    }

    @Override
    public void release(String containerId) {
        synchronized (service) {
            Optional.ofNullable(proxies.remove(containerId)).ifPresent(l -> l.forEach(PortProxy::close));
            for (Network n : service.list()) {
                if (n.endpoints().containsKey(containerId)) {
                    driver.detach(netnsName(containerId), vethName(containerId));
                    Network updated = n.withoutEndpoint(containerId);
                    service.update(updated);
                    rewriteHosts(updated);
                }
            }
            hostsInputs.remove(containerId);
        }
    }

    @Override
    public void forget(String containerId) {
        release(containerId);
        try {
            AtomicFiles.delete(declaredRoot.resolve(containerId + ".json"));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "failed to forget networks of " + containerId + ": " + e.getMessage());
        }
    }

    /** Releases every endpoint (daemon shutdown, after containers were stopped). */
    void releaseAll() {
        for (Network n : service.list()) {
            for (String id : List.copyOf(n.endpoints().keySet())) {
                release(id);
            }
        }
    }

    /** Rewrites each attached container's /etc/hosts in place with the peers it may resolve. */
    private void rewriteHosts(Network n) {
        for (Network.Endpoint self : n.endpoints().values()) {
            HostsInput in = hostsInputs.get(self.containerId());
            if (in == null) {
                continue;
            }
            List<HostsFile.Entry> peers = new ArrayList<>();
            if (n.resolvesNames()) {
                for (Network.Endpoint other : n.endpoints().values()) {
                    if (!other.containerId().equals(self.containerId())) {
                        List<String> names = new ArrayList<>(dnsNames(other));
                        peers.add(new HostsFile.Entry(other.ipAddress(), names));
                    }
                }
            }
            try {
                // Files.writeString truncates and writes the same inode, which the bind mount shows.
                Files.writeString(Path.of(self.hostsFile()),
                        HostsFile.render(in.hostname(), self.ipAddress(), in.extraHosts(), peers), StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "failed to write /etc/hosts of " + self.containerName() + ": " + e.getMessage());
            }
        }
    }

    /** The names a peer answers to: its name, its aliases, its short ID (Docker's DNSNames). */
    private static List<String> dnsNames(Network.Endpoint e) {
        List<String> names = new ArrayList<>();
        names.add(e.containerName());
        names.addAll(e.aliases());
        names.add(e.containerId().substring(0, 12));
        return names;
    }

    @Override
    public NetworkSettings settings(String containerId, String networkMode, Set<String> exposedPorts) {
        Declared d = declared(containerId, networkMode);
        Map<String, NetworkSettings.EndpointSettings> networks = new LinkedHashMap<>();
        Network.Endpoint attached = null;
        Network on = null;
        synchronized (service) {
            Network n;
            try {
                n = service.lookup(d.networkMode());
            } catch (RuntimeException e) {
                return ContainerNetworking.loopbackOnly().settings(containerId, networkMode, exposedPorts);
            }
            Network.Endpoint ep = n.endpoints().get(containerId);
            List<String> aliases = d.aliases().getOrDefault(n.name(), List.of());
            if (ep != null) {
                attached = ep;
                on = n;
                networks.put(n.name(), new NetworkSettings.EndpointSettings(ep.aliases().isEmpty() ? null : ep.aliases(),
                        n.id(), ep.endpointId(), n.gateway(), ep.ipAddress(), n.ipv4Subnet().prefix(), ep.macAddress(),
                        n.resolvesNames() ? dnsNames(ep) : null));
            } else {
                networks.put(n.name(), new NetworkSettings.EndpointSettings(aliases == null || aliases.isEmpty() ? null : aliases,
                        n.id(), "", "", "", 0, "", null));
            }
        }
        Map<String, List<PortBinding>> ports = new TreeMap<>();
        if (attached != null) {
            if (exposedPorts != null) {
                exposedPorts.forEach(k -> ports.put(k, null));
            }
            for (PublishedPort p : attached.ports()) {
                List<PortBinding> list = ports.get(p.key()) == null ? new ArrayList<>() : new ArrayList<>(ports.get(p.key()));
                list.add(new PortBinding(p.hostIp(), Integer.toString(p.hostPort())));
                ports.put(p.key(), list);
            }
        }
        boolean defaultBridge = on != null && on.name().equals(Network.BRIDGE);
        return new NetworkSettings("", attached == null ? "" : attached.endpointId(),
                attached == null ? "" : "/var/run/netns/" + netnsName(containerId), ports,
                defaultBridge ? on.gateway() : "", defaultBridge ? attached.ipAddress() : "",
                defaultBridge ? on.ipv4Subnet().prefix() : 0, defaultBridge ? attached.macAddress() : "", networks);
    }

    @Override
    public List<ContainerSummary.Port> ports(String containerId, Set<String> exposedPorts) {
        List<ContainerSummary.Port> out = new ArrayList<>();
        Set<String> published = new java.util.HashSet<>();
        synchronized (service) {
            for (Network n : service.list()) {
                Network.Endpoint ep = n.endpoints().get(containerId);
                if (ep != null) {
                    for (PublishedPort p : ep.ports()) {
                        published.add(p.key());
                        out.add(new ContainerSummary.Port(p.hostIp(), p.containerPort(), p.hostPort(), p.protocol()));
                    }
                }
            }
        }
        if (exposedPorts != null) {
            for (String key : new java.util.TreeSet<>(exposedPorts)) {
                if (!published.contains(key)) {
                    PublishedPort p = PortBindings.port(key, "", "");
                    out.add(new ContainerSummary.Port(null, p.containerPort(), null, p.protocol()));
                }
            }
        }
        return out;
    }
}
