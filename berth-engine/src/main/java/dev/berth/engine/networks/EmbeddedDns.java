package dev.berth.engine.networks;

import dev.berth.engine.networks.dns.DnsServer;
import dev.berth.engine.networks.dns.Forwarder;
import dev.berth.engine.networks.dns.NameTable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The embedded DNS server's listeners, one per user-defined network on its gateway address,
 * port 53 ({@link #open} when the network's bridge comes up, {@link #close} when it goes down),
 * and the name table they answer from. The asking container is found by its source address on
 * the listener's network; it sees the names (container name, aliases, short ID) of every
 * container on the user-defined networks it is on, itself included: the same records
 * {@link HostsView} renders into /etc/hosts; each also as {@code <name>.<network name>}, and the
 * reverse name of a container's address on such a network is {@code <container name>.<network
 * name>}, as dockerd answers. An address that is no container of the network sees that network's
 * names only. Other names go to the container's {@code --dns} servers, else the
 * daemon's ({@code --dns} of berthd, else the host's resolv.conf nameservers: loopback ones too,
 * the daemon runs in the host's namespace).
 */
final class EmbeddedDns implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("berthd.networks");
    private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");

    private final Supplier<List<Network>> networks;
    private final List<String> daemonServers;
    private final Forwarder forwarder = new Forwarder(Forwarder.DEFAULT_MAX_IN_FLIGHT, Forwarder.DEFAULT_TIMEOUT);
    private final Map<String, DnsServer> servers = new ConcurrentHashMap<>();
    private final Map<String, List<InetSocketAddress>> containerServers = new ConcurrentHashMap<>();

    /**
     * @param networks      the current records (read at every query)
     * @param daemonServers berthd's {@code --dns}; empty for the host's resolv.conf
     */
    EmbeddedDns(Supplier<List<Network>> networks, List<String> daemonServers) {
        this.networks = networks;
        this.daemonServers = List.copyOf(daemonServers);
    }

    /**
     * Listens on the network's gateway if it resolves names and is not served yet. A failure
     * (port 53 taken on that address, e.g. by a host DNS server on 0.0.0.0) is logged and the
     * network's containers keep the host's resolv.conf.
     */
    void open(Network n) {
        if (!n.resolvesNames() || servers.containsKey(n.id())) {
            return;
        }
        try {
            servers.put(n.id(), DnsServer.open(new InetSocketAddress(InetAddress.getByName(n.gateway()), DnsServer.PORT),
                    names(n.id()), forwarder));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "no embedded DNS on network " + n.name() + " (" + n.gateway()
                    + ":53): " + e.getMessage() + "; its containers use the host's nameservers");
        }
    }

    /** What the listener of network {@code networkId} answers. */
    NameTable names(String networkId) {
        return new Names(networkId);
    }

    /** Whether containers of the network get its gateway as nameserver. */
    boolean serves(String networkId) {
        return servers.containsKey(networkId);
    }

    void close(String networkId) {
        DnsServer s = servers.remove(networkId);
        if (s != null) {
            s.close();
        }
    }

    /** A container's {@code --dns} servers, the upstreams of its forwarded queries; none: the daemon's. */
    void useServers(String containerId, List<String> dns) {
        if (dns == null || dns.isEmpty()) {
            containerServers.remove(containerId);
        } else {
            containerServers.put(containerId, parse(dns));
        }
    }

    void forget(String containerId) {
        containerServers.remove(containerId);
    }

    @Override
    public void close() {
        List.copyOf(servers.keySet()).forEach(this::close);
    }

    /** {@code 10.0.0.2}, {@code 10.0.0.2:5353}, {@code ::1}, {@code [::1]:5353}: port 53 unless given. */
    static List<InetSocketAddress> parse(List<String> servers) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String s : servers) {
            String host = s;
            int port = DnsServer.PORT;
            int colon = s.lastIndexOf(':');
            if (s.startsWith("[") && s.contains("]:")) {
                host = s.substring(1, s.indexOf(']'));
                port = Integer.parseInt(s.substring(s.indexOf("]:") + 2));
            } else if (colon > 0 && s.indexOf(':') == colon) {
                host = s.substring(0, colon);
                port = Integer.parseInt(s.substring(colon + 1));
            }
            out.add(new InetSocketAddress(host, port));
        }
        return out;
    }

    /** The nameservers of the host's resolv.conf, read at each use: the host may change it. */
    static List<String> hostServers(Path resolvConf) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(resolvConf, StandardCharsets.UTF_8)) {
                String[] words = line.trim().split("\\s+");
                if (words.length >= 2 && words[0].equals("nameserver")) {
                    out.add(words[1].contains(":") ? "[" + words[1] + "]" : words[1]);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot read " + resolvConf + ": " + e.getMessage());
        }
        return out;
    }

    /** The names one network's listener answers. */
    private final class Names implements NameTable {

        private final String networkId;

        Names(String networkId) {
            this.networkId = networkId;
        }

        @Override
        public Optional<List<Inet4Address>> addresses(InetAddress asker, String name) {
            List<Network> all = networks.get();
            Set<String> found = new LinkedHashSet<>();
            for (Network n : visible(all, asker)) {
                String suffix = "." + n.name().toLowerCase(Locale.ROOT);
                for (Network.Endpoint e : n.endpoints().values()) {
                    if (HostsView.dnsNames(e).stream().map(d -> d.toLowerCase(Locale.ROOT))
                            .anyMatch(d -> d.equals(name) || (d + suffix).equals(name))) {
                        found.add(e.ipAddress());
                    }
                }
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            List<Inet4Address> addresses = new ArrayList<>();
            for (String ip : found) {
                try {
                    addresses.add((Inet4Address) InetAddress.getByName(ip));
                } catch (IOException | ClassCastException e) {
                    LOG.log(System.Logger.Level.DEBUG, "not an IPv4 address: " + ip);
                }
            }
            return Optional.of(addresses);
        }

        @Override
        public Optional<List<String>> hosts(InetAddress asker, Inet4Address address) {
            int wanted = Ipv4Subnet.parseAddress(address.getHostAddress());
            List<Network> mine = visible(networks.get(), asker).stream()
                    .filter(n -> n.ipv4Subnet().contains(wanted)).toList();
            if (mine.isEmpty()) {
                return Optional.empty();
            }
            String ip = address.getHostAddress();
            return Optional.of(mine.stream().flatMap(n -> n.endpoints().values().stream()
                    .filter(e -> e.ipAddress().equals(ip)).map(e -> e.containerName() + "." + n.name())).toList());
        }

        /** The user-defined networks the asker is on; only this listener's network for a stranger. */
        private List<Network> visible(List<Network> all, InetAddress asker) {
            Optional<String> who = asker(all, asker);
            if (who.isEmpty()) {
                return all.stream().filter(n -> n.id().equals(networkId)).toList();
            }
            return all.stream().filter(n -> n.resolvesNames() && n.endpoints().containsKey(who.get())).toList();
        }

        private Optional<String> asker(List<Network> all, InetAddress asker) {
            String ip = asker.getHostAddress();
            return all.stream().filter(n -> n.id().equals(networkId)).flatMap(n -> n.endpoints().values().stream())
                    .filter(e -> e.ipAddress().equals(ip)).map(Network.Endpoint::containerId).findFirst();
        }

        @Override
        public List<InetSocketAddress> upstreams(InetAddress asker) {
            Optional<String> who = asker(networks.get(), asker);
            List<InetSocketAddress> own = who.map(containerServers::get).orElse(null);
            if (own != null) {
                return own;
            }
            return parse(daemonServers.isEmpty() ? hostServers(HOST_RESOLV_CONF) : daemonServers);
        }
    }
}
