package dev.berth.engine.networks;

import java.util.ArrayList;
import java.util.List;

/**
 * A container's side of bridge networks: its named network namespace and one veth pair per
 * network (host end on the bridge, {@code eth<slot>} inside). Idempotent clean-up: deleting a
 * namespace takes every veth inside, and so their host ends, along.
 */
class Veths {

    private final HostCommands sh;

    Veths(HostCommands sh) {
        this.sh = sh;
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
        // two processes instead of seven: the host side, then the namespace side
        sh.ipBatch(null, List.of(
                "link add name " + hostVeth + " type veth peer name " + ifName + " netns " + netns,
                "link set " + hostVeth + " master " + n.bridge(),
                "link set " + hostVeth + " up"));
        try {
            List<String> inside = new ArrayList<>(List.of(
                    "link set " + ifName + " address " + mac,
                    "addr add " + ip + "/" + n.ipv4Subnet().prefix() + " dev " + ifName,
                    "link set " + ifName + " up"));
            if (defaultRoute) {
                inside.add("route add default via " + n.gateway());
            }
            sh.ipBatch(netns, inside);
        } catch (RuntimeException e) {
            unplug(netns, ifName, hostVeth);
            throw e;
        }
    }

    /** Points the namespace's default route at {@code gateway} (another network's, after a disconnect). */
    void defaultRoute(String netns, String gateway) {
        sh.run("ip", "-n", netns, "route", "replace", "default", "via", gateway);
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
}
