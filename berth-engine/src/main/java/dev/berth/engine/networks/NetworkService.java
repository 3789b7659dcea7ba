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
 * The networks of one daemon: the predefined {@code bridge} (Linux bridge {@code berth0}),
 * {@code host} and {@code none}, and user-defined bridge networks. Bridges are brought up when
 * a network is created or first used and taken down at removal and at daemon shutdown, so a
 * stopped daemon leaves no bridge or rule behind. Container attachment lives in
 * {@link Endpoints}.
 *
 * <p>Thread-safety: every method is synchronized; network changes are rare and short.
 */
public final class NetworkService implements AutoCloseable {

    public static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";
    static final String DEFAULT_BRIDGE = "berth0";
    static final String DEFAULT_SUBNET = "172.29.0.0/16";

    private volatile ObjectEvents events = ObjectEvents.NONE;
    private final NetworkStore store;
    private final BridgeDriver driver;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Endpoints endpoints;

    /** What {@link #create} takes: dockerd's NetworkCreateRequest, the parts berth acts on. */
    public record CreateRequest(String name, String driver, String subnet, String gateway, boolean internal,
            Map<String, String> labels, Map<String, String> options) {
    }

    public NetworkService(Path root, Clock clock) throws IOException {
        this(root, clock, new HostCommands());
    }

    NetworkService(Path root, Clock clock, HostCommands sh) throws IOException {
        this.store = new NetworkStore(root);
        this.driver = new BridgeDriver(sh);
        this.clock = clock;
        this.endpoints = new Endpoints(this, driver, root.resolve("containers"));
        ensurePredefined();
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
        Ipv4Subnet subnet = req.subnet() == null || req.subnet().isEmpty() ? pickSubnet() : checked(req.subnet());
        String gateway = req.gateway() == null || req.gateway().isEmpty()
                ? Ipv4Subnet.formatAddress(subnet.firstHost()) : req.gateway();
        if (!subnet.contains(Ipv4Subnet.parseAddress(gateway))) {
            throw new InvalidArgumentException("gateway " + gateway + " is not in subnet " + subnet);
        }
        Network n = new Network(id, req.name(), drv, now(), subnet.toString(), gateway, req.internal(),
                req.labels() == null ? Map.of() : Map.copyOf(req.labels()), options, bridge, Map.of());
        driver.up(n);
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
        endpoints.recover(runningContainerIds);
    }

    /** Where create, destroy and prune are reported (dockerd's network events); none by default. */
    public void reportTo(ObjectEvents events) {
        this.events = events;
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
        driver.down(n);
        store.delete(n);
        events.emit("destroy", n.id(), Map.of("name", n.name(), "type", n.driver()));
    }

    /** Removes unused user-defined networks matching the filter; returns their names. */
    public synchronized List<String> prune(Predicate<Network> filter) {
        List<String> removed = new ArrayList<>();
        for (Network n : store.all()) {
            if (!n.isPredefined() && n.endpoints().isEmpty() && filter.test(n)) {
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
    }

    private void ensurePredefined() {
        if (store.byName(Network.BRIDGE).isEmpty()) {
            Ipv4Subnet subnet = free(Ipv4Subnet.parse(DEFAULT_SUBNET)) ? Ipv4Subnet.parse(DEFAULT_SUBNET) : pickSubnet();
            store.put(new Network(newId(), Network.BRIDGE, Network.BRIDGE, now(), subnet.toString(),
                    Ipv4Subnet.formatAddress(subnet.firstHost()), false, Map.of(),
                    Map.of(BRIDGE_NAME_OPTION, DEFAULT_BRIDGE, "com.docker.network.bridge.default_bridge", "true"),
                    DEFAULT_BRIDGE, Map.of()));
        }
        if (store.byName(Network.HOST).isEmpty()) {
            store.put(new Network(newId(), Network.HOST, Network.HOST, now(), "", "", false, Map.of(), Map.of(), "", Map.of()));
        }
        if (store.byName(Network.NONE).isEmpty()) {
            store.put(new Network(newId(), Network.NONE, "null", now(), "", "", false, Map.of(), Map.of(), "", Map.of()));
        }
    }

    private Ipv4Subnet checked(String cidr) {
        Ipv4Subnet subnet = Ipv4Subnet.parse(cidr);
        if (!free(subnet)) {
            throw new ConflictException("Pool overlaps with other one on this address space");
        }
        return subnet;
    }

    /** The first /16 of 172.30-172.31 and 10.200-10.250 that no network or host route uses. */
    private Ipv4Subnet pickSubnet() {
        List<Ipv4Subnet> candidates = new ArrayList<>();
        for (int b = 30; b <= 31; b++) {
            candidates.add(Ipv4Subnet.parse("172." + b + ".0.0/16"));
        }
        for (int b = 200; b <= 250; b++) {
            candidates.add(Ipv4Subnet.parse("10." + b + ".0.0/16"));
        }
        return candidates.stream().filter(this::free).findFirst()
                .orElseThrow(() -> new ConflictException("could not find an available, non-overlapping IPv4 address pool"));
    }

    private boolean free(Ipv4Subnet candidate) {
        List<String> bridges = store.all().stream().map(Network::bridge).filter(b -> b != null && !b.isEmpty()).toList();
        boolean usedByNetwork = store.all().stream().filter(n -> n.subnet() != null && !n.subnet().isEmpty())
                .anyMatch(n -> n.ipv4Subnet().overlaps(candidate));
        return !usedByNetwork && driver.hostRoutes(bridges).stream().noneMatch(r -> r.overlaps(candidate));
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
