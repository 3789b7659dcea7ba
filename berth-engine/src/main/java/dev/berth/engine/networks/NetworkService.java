package dev.berth.engine.networks;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.ForbiddenException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.events.ObjectEvents;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The networks of one daemon: the predefined {@code bridge} (Linux bridge {@code berth0}, or
 * {@code --bridge}),
 * {@code host} and {@code none}, and user-defined bridge networks. Bridges are brought up when
 * a network is created or first used and taken down at removal and at daemon shutdown, so a
 * stopped daemon leaves no bridge or rule behind. Container attachment lives in
 * {@link Endpoints}.
 *
 * <p>Thread-safety: every method is synchronized; network changes are rare and short.
 */
public final class NetworkService implements AutoCloseable {

    public static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";
    static final String DEFAULT_SUBNET = "172.29.0.0/16";
    private static final System.Logger LOG = System.getLogger("berthd.networks");

    private volatile ObjectEvents events = ObjectEvents.NONE;
    private final NetworkStore store;
    private final BridgeDriver driver;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Endpoints endpoints;
    private final NetworkDefaults defaults;
    private final EmbeddedDns dns;

    /** What {@link #create} takes: dockerd's NetworkCreateRequest, the parts berth acts on. */
    public record CreateRequest(String name, String driver, String subnet, String gateway, boolean internal,
            Map<String, String> labels, Map<String, String> options) {
    }

    public NetworkService(Path root, Clock clock) throws IOException {
        this(root, clock, NetworkDefaults.standard());
    }

    /**
     * Opens the networks under {@code root} (the daemon's {@code <data-root>/networks}, which
     * also names this daemon on the host: see {@link DaemonMark}), applies the daemon's flags to
     * the default {@code bridge} network and removes what networks removed while the daemon was
     * down left on the host (bridges and rules carrying this daemon's mark).
     */
    public NetworkService(Path root, Clock clock, NetworkDefaults defaults) throws IOException {
        this(root, clock, defaults, new HostCommands(), new HostNetworkLock(HostNetworkLock.DEFAULT_FILE));
    }

    NetworkService(Path root, Clock clock, NetworkDefaults defaults, HostCommands sh, HostNetworkLock lock)
            throws IOException {
        this.store = new NetworkStore(root);
        this.driver = new BridgeDriver(sh, new DaemonMark(root.toAbsolutePath()), lock);
        this.clock = clock;
        this.defaults = defaults;
        this.dns = new EmbeddedDns(this::list, defaults.dns());
        this.endpoints = new Endpoints(this, new Veths(sh), root.resolve("containers"));
        ensurePredefined();
        driver.sweep(store.all().stream().map(Network::id).collect(java.util.stream.Collectors.toSet()),
                store.all().stream().filter(Network::hasBridge).map(Network::bridge)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    /** The container-facing side: attach at start, release at stop. */
    public ContainerNetworking containerNetworking() {
        return endpoints;
    }

    public synchronized Network create(CreateRequest req) {
        if (req.name() == null || req.name().isEmpty()) {
            throw new InvalidArgumentException("network name cannot be empty");
        }
        if (store.byName(req.name()).isPresent()) {
            throw new ConflictException("network with name " + req.name() + " already exists");
        }
        String drv = req.driver() == null || req.driver().isEmpty() ? Network.BRIDGE : req.driver();
        if (!drv.equals(Network.BRIDGE)) {
            throw new NotFoundException("plugin \"" + drv + "\" not found");
        }
        String id = newId();
        Map<String, String> options = req.options() == null ? Map.of() : Map.copyOf(req.options());
        String bridge = options.getOrDefault(BRIDGE_NAME_OPTION, "br-" + id.substring(0, 12));
        if (bridge.isEmpty() || bridge.length() > 15) {
            throw new InvalidArgumentException("invalid bridge name \"" + bridge + "\": 1 to 15 characters");
        }
        if (store.all().stream().anyMatch(n -> bridge.equals(n.bridge()))) {
            throw new ConflictException("bridge name " + bridge + " is used by another network");
        }
        // picked and brought up under the host's lock: another daemon must not take the same subnet meanwhile
        Network n = driver.lock().holding(() -> {
            Ipv4Subnet subnet = req.subnet() == null || req.subnet().isEmpty() ? pickSubnet() : checked(req.subnet());
            String gateway = req.gateway() == null || req.gateway().isEmpty()
                    ? Ipv4Subnet.formatAddress(subnet.firstHost()) : req.gateway();
            if (!subnet.contains(Ipv4Subnet.parseAddress(gateway))) {
                throw new InvalidArgumentException("gateway " + gateway + " is not in subnet " + subnet);
            }
            Network made = new Network(id, req.name(), drv, now(), subnet.toString(), gateway, req.internal(),
                    req.labels() == null ? Map.of() : Map.copyOf(req.labels()), options, bridge, Map.of());
            driver.up(made);
            dns.open(made);
            return made;
        });
        store.put(n);
        events.emit("create", n.id(), Map.of("name", n.name(), "type", n.driver()));
        return n;
    }

    /** Wires how networks find containers by name or ID (connect, {@code container:} mode). */
    public void useContainers(ContainerLookup lookup) {
        endpoints.useContainers(lookup);
    }

    /**
     * {@code network connect}: connects a created or running container (by name, ID or prefix)
     * to the network, with aliases and a fixed address if asked; a running one gets a new
     * interface at once.
     */
    public synchronized void connect(String networkRef, String containerRef, ContainerNetworking.EndpointRequest request) {
        endpoints.connect(store.get(networkRef), containerRef, request);
    }

    /** {@code network disconnect}: with {@code force}, also for a container that no longer exists. */
    public synchronized void disconnect(String networkRef, String containerRef, boolean force) {
        endpoints.disconnect(store.get(networkRef), containerRef, force);
    }

    /**
     * Daemon start, before containers are recovered: containers the store still records as
     * running get their published ports back; what any other container left on the host after
     * a crash (namespaces, veths, address allocations) is removed.
     */
    public synchronized void recover(Set<String> runningContainerIds) {
        startDefaultBridge();
        endpoints.recover(runningContainerIds);
    }

    /** Where create, destroy and prune are reported (dockerd's network events); none by default. */
    public void reportTo(ObjectEvents events) {
        this.events = events;
    }

    /**
     * Brings the default bridge up at start, so its subnet is claimed on the host while this
     * daemon runs. Without {@code --bip}, a stored subnet the host took meanwhile is replaced by
     * a free one; a failure leaves the daemon up (containers on other networks still run).
     */
    private void startDefaultBridge() {
        Network bridge = store.byName(Network.BRIDGE).orElseThrow();
        try {
            driver.lock().holding(() -> {
                Network n = bridge;
                if (defaults.bip() == null && n.endpoints().isEmpty() && driver.holder(n.bridge()) == BridgeDriver.Holder.NOBODY
                        && !free(n.ipv4Subnet(), n.id())) {
                    Ipv4Subnet subnet = pickSubnet();
                    LOG.log(System.Logger.Level.INFO, "the default bridge's subnet " + n.subnet()
                            + " is used on the host now; taking " + subnet);
                    n = withSubnet(n, subnet, Ipv4Subnet.formatAddress(subnet.firstHost()));
                    store.put(n);
                }
                driver.up(n);
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the default bridge is not up: " + e.getMessage());
        }
    }

    public synchronized List<Network> list() {
        return store.all();
    }

    public synchronized Network get(String ref) {
        return store.get(ref);
    }

    public synchronized void remove(String ref) {
        Network n = store.get(ref);
        if (n.isPredefined()) {
            throw new ForbiddenException(n.name() + " is a pre-defined network and cannot be removed");
        }
        if (!n.endpoints().isEmpty()) {
            throw new ConflictException("error while removing network: network " + n.name() + " id " + n.id()
                    + " has active endpoints");
        }
        dns.close(n.id());
        driver.down(n);
        store.delete(n);
        events.emit("destroy", n.id(), Map.of("name", n.name(), "type", n.driver()));
    }

    /** Removes unused user-defined networks matching the filter; returns their names. */
    public synchronized List<String> prune(Predicate<Network> filter) {
        List<String> removed = new ArrayList<>();
        for (Network n : store.all()) {
            if (!n.isPredefined() && n.endpoints().isEmpty() && filter.test(n)) {
                dns.close(n.id());
                driver.down(n);
                store.delete(n);
                removed.add(n.name());
                events.emit("destroy", n.id(), Map.of("name", n.name(), "type", n.driver()));
            }
        }
        events.emit("prune", "", Map.of("reclaimed", "0"));
        return removed;
    }

    /** Takes every bridge and rule of ours down; records stay for the next start. */
    @Override
    public synchronized void close() {
        endpoints.releaseAll();
        dns.close();
        for (Network n : store.all()) {
            if (n.hasBridge()) {
                driver.down(n);
            }
        }
        driver.dropChains();
    }

    // --- used by Endpoints, under this object's lock ---

    /** A container joined or left a network: dockerd's connect/disconnect events (Actor = the network). */
    void announce(String action, Network n, String containerId) {
        events.emit(action, n.id(), Map.of("container", containerId, "name", n.name(), "type", n.driver()));
    }

    Network lookup(String ref) {
        return store.get(ref);
    }

    void update(Network n) {
        store.put(n);
    }

    void bringUp(Network n) {
        driver.up(n);
        dns.open(n);
    }

    /** The embedded DNS server's listeners (one per user-defined network that is up). */
    EmbeddedDns dns() {
        return dns;
    }

    /**
     * The predefined networks; the default bridge follows {@code --bridge} and {@code --bip}
     * (kept as given in its record, so the next start without the flags keeps them), unless
     * containers are still attached to it after a crash.
     */
    private void ensurePredefined() {
        java.util.Optional<Network> stored = store.byName(Network.BRIDGE);
        String bridgeName = defaults.bridge() != null ? defaults.bridge()
                : stored.map(Network::bridge).orElse(NetworkDefaults.DEFAULT_BRIDGE);
        boolean renamed = stored.map(n -> !n.bridge().equals(bridgeName)).orElse(true);
        boolean readdressed = defaults.bip() != null && stored.map(n -> !n.subnet().equals(defaults.bipSubnet().toString())
                || !n.gateway().equals(defaults.bipGateway())).orElse(true);
        if (stored.isPresent() && !stored.get().endpoints().isEmpty() && (renamed || readdressed)) {
            LOG.log(System.Logger.Level.WARNING, "the default bridge keeps " + stored.get().bridge() + " "
                    + stored.get().subnet() + " while containers are attached to it");
        } else if (renamed || readdressed) {
            driver.lock().holding(() -> {
                Ipv4Subnet subnet;
                String gateway;
                if (defaults.bip() != null) {
                    subnet = defaults.bipSubnet();
                    gateway = defaults.bipGateway();
                } else {
                    String id = stored.map(Network::id).orElse("");
                    Ipv4Subnet keep = stored.map(Network::ipv4Subnet).orElse(Ipv4Subnet.parse(DEFAULT_SUBNET));
                    subnet = free(keep, id) ? keep : pickSubnet();
                    gateway = Ipv4Subnet.formatAddress(subnet.firstHost());
                }
                Network fresh = new Network(stored.map(Network::id).orElseGet(this::newId), Network.BRIDGE, Network.BRIDGE,
                        stored.map(Network::created).orElseGet(this::now), subnet.toString(), gateway, false, Map.of(),
                        Map.of(BRIDGE_NAME_OPTION, bridgeName, "com.docker.network.bridge.default_bridge", "true"),
                        bridgeName, Map.of());
                store.put(fresh);
            });
        }
        if (store.byName(Network.HOST).isEmpty()) {
            store.put(new Network(newId(), Network.HOST, Network.HOST, now(), "", "", false, Map.of(), Map.of(), "", Map.of()));
        }
        if (store.byName(Network.NONE).isEmpty()) {
            store.put(new Network(newId(), Network.NONE, "null", now(), "", "", false, Map.of(), Map.of(), "", Map.of()));
        }
    }

    private static Network withSubnet(Network n, Ipv4Subnet subnet, String gateway) {
        return new Network(n.id(), n.name(), n.driver(), n.created(), subnet.toString(), gateway, n.internal(),
                n.labels(), n.options(), n.bridge(), n.endpoints());
    }

    private Ipv4Subnet checked(String cidr) {
        Ipv4Subnet subnet = Ipv4Subnet.parse(cidr);
        if (!free(subnet, "")) {
            throw new ConflictException("Pool overlaps with other one on this address space");
        }
        return subnet;
    }

    /** The first candidate subnet ({@link NetworkDefaults#candidates}) no network or host route uses. */
    private Ipv4Subnet pickSubnet() {
        List<Ipv4Subnet> host = driver.hostSubnets();
        return defaults.candidates().stream().filter(c -> free(c, "", host)).findFirst()
                .orElseThrow(() -> new ConflictException("could not find an available, non-overlapping IPv4 address pool"));
    }

    private boolean free(Ipv4Subnet candidate, String exceptNetworkId) {
        return free(candidate, exceptNetworkId, driver.hostSubnets());
    }

    private boolean free(Ipv4Subnet candidate, String exceptNetworkId, List<Ipv4Subnet> hostSubnets) {
        boolean usedByNetwork = store.all().stream()
                .filter(n -> n.subnet() != null && !n.subnet().isEmpty() && !n.id().equals(exceptNetworkId))
                .anyMatch(n -> n.ipv4Subnet().overlaps(candidate));
        return !usedByNetwork && hostSubnets.stream().noneMatch(r -> r.overlaps(candidate));
    }

    private String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String now() {
        return DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    }
}
