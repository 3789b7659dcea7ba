package dev.berth.engine.networks;

import java.util.ArrayList;
import java.util.List;

/**
 * The host side of bridge networks, through {@code ip} and {@code iptables}: a Linux bridge per
 * network holding the gateway address, MASQUERADE for its subnet (none for internal networks),
 * Docker's two-stage isolation between bridges, and per container a named network namespace
 * with a veth pair (host end on the bridge, {@code eth0} inside).
 *
 * <p>Everything here is idempotent, so a start after a crash re-creates what is missing and a
 * clean-up removes what is there. Rules are only ever added to chains of ours and to
 * POSTROUTING/FORWARD with our own match, never to anything of the host's.
 */
class BridgeDriver {

    static final String ISOLATION_1 = "BERTH-ISOLATION-1";
    static final String ISOLATION_2 = "BERTH-ISOLATION-2";

    private final HostCommands sh;
    private final boolean iptables;

    BridgeDriver(HostCommands sh) {
        this.sh = sh;
        this.iptables = sh.attempt("iptables", "-w", "-t", "nat", "-S", "POSTROUTING").ok();
    }

    /** Whether NAT and isolation rules can be installed on this host. */
    boolean hasIptables() {
        return iptables;
    }

    /** The IPv4 routes of the host that are not on our bridges: subnets a network must not overlap. */
    List<Ipv4Subnet> hostRoutes(List<String> ourBridges) {
        List<Ipv4Subnet> routes = new ArrayList<>();
        for (String line : sh.run("ip", "-4", "route", "show").split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 3 || !words[0].contains("/")) {
                continue;
            }
            int dev = List.of(words).indexOf("dev");
            if (dev > 0 && dev + 1 < words.length && ourBridges.contains(words[dev + 1])) {
                continue;
            }
            try {
                routes.add(Ipv4Subnet.parse(words[0]));
            } catch (RuntimeException e) {
                // a route we cannot read (e.g. /32 host routes) is not a subnet we could pick
            }
        }
        return routes;
    }

    /** Creates the bridge with its gateway address and rules unless they are there. */
    void up(Network n) {
        Ipv4Subnet subnet = n.ipv4Subnet();
        if (!sh.attempt("ip", "link", "show", "dev", n.bridge()).ok()) {
            sh.run("ip", "link", "add", "name", n.bridge(), "type", "bridge");
            sh.run("ip", "addr", "add", n.gateway() + "/" + subnet.prefix(), "dev", n.bridge());
            sh.run("ip", "link", "set", n.bridge(), "up");
        }
        if (!iptables) {
            return;
        }
        ensureChain(ISOLATION_1);
        ensureChain(ISOLATION_2);
        ensureRule("filter", "FORWARD", "-j", ISOLATION_1);
        for (List<String> rule : rules(n)) {
            ensureRule(rule.get(0), rule.get(1), rule.subList(2, rule.size()).toArray(String[]::new));
        }
    }

    /** Removes the bridge and its rules (best effort: what is gone already is fine). */
    void down(Network n) {
        if (iptables) {
            for (List<String> rule : rules(n)) {
                List<String> cmd = new ArrayList<>(List.of("iptables", "-w", "-t", rule.get(0), "-D", rule.get(1)));
                cmd.addAll(rule.subList(2, rule.size()));
                while (sh.attempt(cmd.toArray(String[]::new)).ok()) {
                    // a rule added twice (two daemons' crashes) is deleted twice
                }
            }
        }
        sh.attempt("ip", "link", "del", "dev", n.bridge());
    }

    /** Drops our chains and the jump to them once no network of ours is up. */
    void dropChains() {
        if (!iptables) {
            return;
        }
        while (sh.attempt("iptables", "-w", "-D", "FORWARD", "-j", ISOLATION_1).ok()) {
            // removed once per copy
        }
        for (String chain : List.of(ISOLATION_1, ISOLATION_2)) {
            sh.attempt("iptables", "-w", "-F", chain);
            sh.attempt("iptables", "-w", "-X", chain);
        }
    }

    /** Each rule as table, chain, then the rule's words. */
    static List<List<String>> rules(Network n) {
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
        return rules;
    }

    /** Creates the container's named namespace with loopback up. */
    void createNamespace(String netns) {
        sh.run("ip", "netns", "add", netns);
        try {
            sh.run("ip", "-n", netns, "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            deleteNamespace(netns);
            throw e;
        }
    }

    /**
     * Creates a veth pair with {@code ifName} inside the namespace, on the network's bridge, with
     * the address and MAC; the default route goes via this network's gateway when asked.
     */
    void plug(String netns, String hostVeth, String ifName, Network n, String ip, String mac, boolean defaultRoute) {
        sh.run("ip", "link", "add", "name", hostVeth, "type", "veth", "peer", "name", ifName, "netns", netns);
        try {
            sh.run("ip", "link", "set", hostVeth, "master", n.bridge());
            sh.run("ip", "link", "set", hostVeth, "up");
            sh.run("ip", "-n", netns, "link", "set", ifName, "address", mac);
            sh.run("ip", "-n", netns, "addr", "add", ip + "/" + n.ipv4Subnet().prefix(), "dev", ifName);
            sh.run("ip", "-n", netns, "link", "set", ifName, "up");
            if (defaultRoute) {
                sh.run("ip", "-n", netns, "route", "add", "default", "via", n.gateway());
            }
        } catch (RuntimeException e) {
            unplug(netns, ifName, hostVeth);
            throw e;
        }
    }

    /** Removes one veth pair (deleting either end takes the other along). */
    void unplug(String netns, String ifName, String hostVeth) {
        if (!sh.attempt("ip", "link", "del", "dev", hostVeth).ok()) {
            sh.attempt("ip", "-n", netns, "link", "del", "dev", ifName);
        }
    }

    /** Deletes the namespace, which takes every veth inside, and so their host ends, along. */
    void deleteNamespace(String netns) {
        sh.attempt("ip", "netns", "del", netns);
    }

    private void ensureChain(String chain) {
        if (!sh.attempt("iptables", "-w", "-S", chain).ok()) {
            sh.run("iptables", "-w", "-N", chain);
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
