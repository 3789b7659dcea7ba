package dev.berth.engine.networks;

import dev.berth.engine.error.ConflictException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The host side of bridge networks, through {@code ip} and {@code iptables}: a Linux bridge per
 * network holding the gateway address, MASQUERADE for its subnet (none for internal networks),
 * Docker's two-stage isolation between bridges, and per container a named network namespace
 * with veth pairs ({@link Veths}).
 *
 * <p>Several daemons may share a host. A bridge this daemon creates carries its
 * {@link DaemonMark} alias and only such a bridge is ever deleted; a bridge another live berthd
 * marked is refused, one whose daemon's root is gone is adopted, and an unmarked one (the
 * user's, named with {@code --bridge} or {@code -o com.docker.network.bridge.name}) is used but
 * never deleted. A new bridge is created under the {@link HostNetworkLock}, after checking that
 * no route or address of the host overlaps its subnet. Every rule carries the daemon's comment,
 * so {@link #sweep} can find the rules of networks removed while the daemon was down.
 *
 * <p>Everything here is idempotent, so a start after a crash re-creates what is missing and a
 * clean-up removes what is there.
 */
class BridgeDriver {

    private static final System.Logger LOG = System.getLogger("berthd.networks");
    static final String ISOLATION_1 = "BERTH-ISOLATION-1";
    static final String ISOLATION_2 = "BERTH-ISOLATION-2";

    private final HostCommands sh;
    private final DaemonMark mark;
    private final HostNetworkLock lock;
    private final boolean iptables;

    BridgeDriver(HostCommands sh, DaemonMark mark, HostNetworkLock lock) {
        this.sh = sh;
        this.mark = mark;
        this.lock = lock;
        this.iptables = sh.attempt("iptables", "-w", "-t", "nat", "-S", "POSTROUTING").ok();
    }

    /** Whether NAT and isolation rules can be installed on this host. */
    boolean hasIptables() {
        return iptables;
    }

    HostNetworkLock lock() {
        return lock;
    }

    /** Who holds a bridge name on the host, as this daemon sees it. */
    enum Holder { NOBODY, US, ANOTHER_BERTHD, DEAD_BERTHD, NOT_BERTH }

    Holder holder(String bridge) {
        if (!sh.linkExists(bridge)) {
            return Holder.NOBODY;
        }
        Optional<String> alias = sh.linkAlias(bridge);
        if (alias.isPresent() && alias.get().equals(mark.alias())) {
            return Holder.US;
        }
        return alias.flatMap(DaemonMark::ownerOf)
                .map(root -> Files.isDirectory(root) ? Holder.ANOTHER_BERTHD : Holder.DEAD_BERTHD)
                .orElse(Holder.NOT_BERTH);
    }

    /**
     * The IPv4 subnets in use on the host outside this daemon's bridges (routes, and addresses
     * of links that are down and so have no route): what a new network must not overlap.
     */
    List<Ipv4Subnet> hostSubnets() {
        List<Ipv4Subnet> used = new ArrayList<>();
        for (String line : sh.run("ip", "-4", "route", "show").split("\n")) {
            String[] words = line.trim().split("\\s+");
            int dev = List.of(words).indexOf("dev");
            if (words.length >= 3 && words[0].contains("/") && !(dev > 0 && dev + 1 < words.length && ours(words[dev + 1]))) {
                addSubnet(used, words[0]);
            }
        }
        for (String line : sh.run("ip", "-4", "-o", "addr", "show").split("\n")) {
            String[] words = line.trim().split("\\s+");
            int inet = List.of(words).indexOf("inet");
            if (words.length > 3 && inet > 0 && inet + 1 < words.length && !ours(words[1])) {
                String cidr = words[inet + 1];
                int slash = cidr.indexOf('/');
                if (slash > 0) {
                    try {
                        int prefix = Integer.parseInt(cidr.substring(slash + 1));
                        used.add(new Ipv4Subnet(Ipv4Subnet.parseAddress(cidr.substring(0, slash)), prefix));
                    } catch (RuntimeException e) {
                        // a /31 or /32 address is no subnet we could pick
                    }
                }
            }
        }
        return used;
    }

    private boolean ours(String link) {
        return mark.alias().equals(sh.linkAlias(link).orElse(""));
    }

    private static void addSubnet(List<Ipv4Subnet> used, String cidr) {
        try {
            used.add(Ipv4Subnet.parse(cidr));
        } catch (RuntimeException e) {
            // a route we cannot read (e.g. /32 host routes) is not a subnet we could pick
        }
    }

    /**
     * Brings the network's bridge and rules up, creating the bridge unless it is there; refuses a
     * bridge another running berthd holds and a subnet the host uses meanwhile.
     */
    void up(Network n) {
        lock.holding(() -> {
            switch (holder(n.bridge())) {
                case US -> { }
                case NOBODY -> create(n);
                case DEAD_BERTHD -> {
                    LOG.log(System.Logger.Level.INFO, "adopting bridge " + n.bridge() + " of a berthd whose data root is gone");
                    sh.setLinkAlias(n.bridge(), mark.alias());
                    sh.run("ip", "addr", "flush", "dev", n.bridge());
                    sh.run("ip", "addr", "add", n.gateway() + "/" + n.ipv4Subnet().prefix(), "dev", n.bridge());
                    sh.run("ip", "link", "set", n.bridge(), "up");
                }
                case ANOTHER_BERTHD -> throw new ConflictException("bridge " + n.bridge() + " belongs to another berthd ("
                        + sh.linkAlias(n.bridge()).orElse("") + "); give this daemon its own with --bridge"
                        + " (or -o " + NetworkService.BRIDGE_NAME_OPTION + "=)");
                case NOT_BERTH -> {
                    // the user's bridge: used with our gateway address, never deleted
                    sh.attempt("ip", "addr", "add", n.gateway() + "/" + n.ipv4Subnet().prefix(), "dev", n.bridge());
                    sh.run("ip", "link", "set", n.bridge(), "up");
                }
            }
            if (iptables) {
                // under the lock too: another daemon drops the shared chains when they are empty
                ensureChain(ISOLATION_1);
                ensureChain(ISOLATION_2);
                ensureRule("filter", "FORWARD", "-j", ISOLATION_1);
                for (List<String> rule : rules(n, mark)) {
                    ensureRule(rule.get(0), rule.get(1), rule.subList(2, rule.size()).toArray(String[]::new));
                }
            }
        });
    }

    private void create(Network n) {
        Ipv4Subnet subnet = n.ipv4Subnet();
        hostSubnets().stream().filter(subnet::overlaps).findFirst().ifPresent(used -> {
            throw new ConflictException("subnet " + subnet + " of network " + n.name() + " overlaps " + used
                    + ", which this host uses now");
        });
        sh.run("ip", "link", "add", "name", n.bridge(), "type", "bridge");
        sh.setLinkAlias(n.bridge(), mark.alias());
        sh.run("ip", "addr", "add", n.gateway() + "/" + subnet.prefix(), "dev", n.bridge());
        sh.run("ip", "link", "set", n.bridge(), "up");
    }

    /** Removes the network's rules and, if this daemon made it, its bridge (best effort). */
    void down(Network n) {
        if (iptables) {
            for (List<String> rule : rules(n, mark)) {
                List<String> cmd = new ArrayList<>(List.of("iptables", "-w", "-t", rule.get(0), "-D", rule.get(1)));
                cmd.addAll(rule.subList(2, rule.size()));
                while (sh.attempt(cmd.toArray(String[]::new)).ok()) {
                    // a rule added twice (a crash between check and add) is deleted twice
                }
            }
        }
        lock.holding(() -> {
            if (holder(n.bridge()) == Holder.US) {
                sh.attempt("ip", "link", "del", "dev", n.bridge());
            }
        });
    }

    /**
     * Daemon start: removes the rules carrying this daemon's mark whose network is not among
     * {@code networkIds} and the bridges carrying its alias that are not among {@code bridges}
     * (networks removed while it was down, or whose removal a crash cut short).
     */
    void sweep(Set<String> networkIds, Set<String> bridges) {
        if (iptables) {
            Set<String> live = new java.util.HashSet<>();
            networkIds.forEach(id -> live.add(mark.comment(id)));
            for (String table : List.of("nat", "filter")) {
                for (String line : sh.attempt("iptables", "-w", "-t", table, "-S").output().split("\n")) {
                    // iptables -S quotes comments: "berth:..."; our rules have no other quoted words
                    String[] words = line.trim().replace("\"", "").split("\\s+");
                    int c = List.of(words).indexOf("--comment");
                    if (words.length > 2 && words[0].equals("-A") && c > 0 && c + 1 < words.length
                            && words[c + 1].startsWith(mark.tag()) && !live.contains(words[c + 1])) {
                        List<String> cmd = new ArrayList<>(List.of("iptables", "-w", "-t", table, "-D"));
                        cmd.addAll(List.of(words).subList(1, words.length));
                        LOG.log(System.Logger.Level.INFO, "removing a rule of a removed network: " + line);
                        sh.attempt(cmd.toArray(String[]::new));
                    }
                }
            }
        }
        lock.holding(() -> {
            for (String link : sh.links()) {
                if (!bridges.contains(link) && ours(link)) {
                    LOG.log(System.Logger.Level.INFO, "removing bridge " + link + " of a removed network");
                    sh.attempt("ip", "link", "del", "dev", link);
                }
            }
        });
    }

    /**
     * Drops our chains and the jump to them once no daemon's rule is left in them (the chains are
     * shared by every berthd on the host).
     */
    void dropChains() {
        if (!iptables) {
            return;
        }
        lock.holding(() -> {
            for (String chain : List.of(ISOLATION_1, ISOLATION_2)) {
                if (sh.attempt("iptables", "-w", "-S", chain).output().lines().anyMatch(l -> l.startsWith("-A "))) {
                    return;
                }
            }
            while (sh.attempt("iptables", "-w", "-D", "FORWARD", "-j", ISOLATION_1).ok()) {
                // removed once per copy
            }
            sh.attempt("iptables", "-w", "-X", ISOLATION_1);
            sh.attempt("iptables", "-w", "-X", ISOLATION_2);
        });
    }

    /** Each rule as table, chain, then the rule's words (ending in the daemon's comment). */
    static List<List<String>> rules(Network n, DaemonMark mark) {
        String br = n.bridge();
        List<List<String>> rules = new ArrayList<>();
        if (n.internal()) {
            rules.add(List.of("filter", ISOLATION_1, "-i", br, "!", "-o", br, "-j", "DROP"));
            rules.add(List.of("filter", ISOLATION_1, "-o", br, "!", "-i", br, "-j", "DROP"));
        } else {
            rules.add(List.of("nat", "POSTROUTING", "-s", n.subnet(), "!", "-o", br, "-j", "MASQUERADE"));
            rules.add(List.of("filter", ISOLATION_1, "-i", br, "!", "-o", br, "-j", ISOLATION_2));
            rules.add(List.of("filter", ISOLATION_2, "-o", br, "-j", "DROP"));
        }
        String comment = mark.comment(n.id());
        return rules.stream().map(r -> {
            List<String> tagged = new ArrayList<>(r);
            tagged.addAll(List.of("-m", "comment", "--comment", comment));
            return List.copyOf(tagged);
        }).toList();
    }

    private void ensureChain(String chain) {
        if (!sh.attempt("iptables", "-w", "-S", chain).ok()) {
            sh.attempt("iptables", "-w", "-N", chain); // another daemon may create it meanwhile
        }
    }

    private void ensureRule(String table, String chain, String... rule) {
        List<String> check = new ArrayList<>(List.of("iptables", "-w", "-t", table, "-C", chain));
        check.addAll(List.of(rule));
        if (!sh.attempt(check.toArray(String[]::new)).ok()) {
            List<String> add = new ArrayList<>(List.of("iptables", "-w", "-t", table,
                    chain.equals("FORWARD") ? "-I" : "-A", chain));
            add.addAll(List.of(rule));
            sh.run(add.toArray(String[]::new));
        }
    }
}
