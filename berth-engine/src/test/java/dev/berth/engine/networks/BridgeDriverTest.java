package dev.berth.engine.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.ConflictException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bridge driver does on a host shared with other daemons: a fake host, no changes to this one. */
class BridgeDriverTest {

    @TempDir
    Path tmp;

    private final FakeHost host = new FakeHost();

    private BridgeDriver driver(Path root) {
        return new BridgeDriver(host, new DaemonMark(root), new HostNetworkLock(tmp.resolve("lock")));
    }

    private static Network network(String id, String bridge, String subnet) {
        Ipv4Subnet s = Ipv4Subnet.parse(subnet);
        return new Network(id, "n" + id, "bridge", "2026-01-01T00:00:00Z", subnet, Ipv4Subnet.formatAddress(s.firstHost()),
                false, Map.of(), Map.of(), bridge, Map.of());
    }

    @Test
    void up_createsAMarkedBridge_downDeletesOnlyMarkedOnes() {
        Path root = tmp.resolve("a");
        BridgeDriver a = driver(root);
        a.up(network("aaaaaaaaaaaa1", "bra", "10.77.0.0/24"));
        assertThat(host.links).containsEntry("bra", "berthd " + root);
        host.links.put("user0", "");
        a.down(network("bbbbbbbbbbbb1", "user0", "10.78.0.0/24"));
        a.down(network("aaaaaaaaaaaa1", "bra", "10.77.0.0/24"));
        assertThat(host.links).containsOnlyKeys("user0");
    }

    @Test
    void up_refusesTheBridgeOfAnotherLiveDaemon_adoptsOneWhoseRootIsGone() throws Exception {
        Path other = java.nio.file.Files.createDirectories(tmp.resolve("other"));
        host.links.put("berth0", "berthd " + other);
        BridgeDriver mine = driver(tmp.resolve("mine"));
        Network bridge = network("cccccccccccc1", "berth0", "172.29.0.0/16");
        assertThatThrownBy(() -> mine.up(bridge)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("belongs to another berthd").hasMessageContaining("--bridge");
        mine.down(bridge);
        assertThat(host.links).containsEntry("berth0", "berthd " + other);

        host.links.put("berth0", "berthd " + tmp.resolve("gone"));
        mine.up(bridge);
        assertThat(host.links).containsEntry("berth0", "berthd " + tmp.resolve("mine"));
    }

    @Test
    void up_refusesASubnetTheHostUsesMeanwhile() {
        host.outputs.put("ip -4 route show", "default via 192.0.2.1 dev eth0\n10.77.0.0/16 dev br-x proto kernel scope link\n");
        host.outputs.put("ip -4 -o addr show", "9: down0    inet 10.88.1.1/24 scope global down0\n");
        BridgeDriver d = driver(tmp.resolve("a"));
        assertThatThrownBy(() -> d.up(network("dddddddddddd1", "brd", "10.77.5.0/24")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("10.77.0.0/16");
        assertThatThrownBy(() -> d.up(network("dddddddddddd1", "brd", "10.88.0.0/16")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("10.88.1.0/24");
        assertThat(host.links).doesNotContainKey("brd");
    }

    @Test
    void sweep_removesOnlyThisDaemonsRulesAndBridgesOfNetworksThatAreGone() {
        Path root = tmp.resolve("a");
        DaemonMark mine = new DaemonMark(root);
        DaemonMark theirs = new DaemonMark(tmp.resolve("b"));
        host.outputs.put("iptables -w -t nat -S", String.join("\n",
                "-P POSTROUTING ACCEPT",
                "-A POSTROUTING -s 10.1.0.0/16 ! -o br-gone -m comment --comment \"" + mine.comment("gonegonegone") + "\" -j MASQUERADE",
                "-A POSTROUTING -s 10.2.0.0/16 ! -o br-live -m comment --comment " + mine.comment("livelivelive") + " -j MASQUERADE",
                "-A POSTROUTING -s 10.3.0.0/16 ! -o br-other -m comment --comment " + theirs.comment("gonegonegone") + " -j MASQUERADE",
                "-A POSTROUTING -s 10.4.0.0/16 -j MASQUERADE"));
        host.links.put("br-gone", mine.alias());
        host.links.put("br-live", mine.alias());
        host.links.put("br-other", theirs.alias());
        driver(root).sweep(Set.of("livelivelive"), Set.of("br-live"));
        assertThat(host.commandsStartingWith("iptables -w -t nat -D")).containsExactly(
                "iptables -w -t nat -D POSTROUTING -s 10.1.0.0/16 ! -o br-gone -m comment --comment "
                        + mine.comment("gonegonegone") + " -j MASQUERADE");
        assertThat(host.links).containsOnlyKeys("br-live", "br-other");
    }
}
