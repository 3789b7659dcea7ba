package dev.berth.engine.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.types.container.PortBinding;
import dev.berth.engine.error.ConflictException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** IPAM, port-binding resolution, /etc/hosts and the rules a network gets: pure logic, no host changes. */
class NetworkLogicTest {

    private static Network network(String subnet, boolean internal, Map<String, Network.Endpoint> endpoints) {
        Ipv4Subnet s = Ipv4Subnet.parse(subnet);
        return new Network("id", "front", "bridge", "2026-01-01T00:00:00Z", subnet,
                Ipv4Subnet.formatAddress(s.firstHost()), internal, Map.of(), Map.of(), "br-front", endpoints);
    }

    private static Network.Endpoint endpoint(String id, String ip) {
        return new Network.Endpoint(id, "c" + id, "e" + id, ip, "", List.of(), "/tmp/hosts", List.of(), "eth0", "vb" + id);
    }

    @Test
    void allocate_takesTheLowestFreeAddressAfterTheGateway() {
        assertThat(Ipv4Subnet.formatAddress(Endpoints.allocate(network("10.1.0.0/24", false, Map.of()))))
                .isEqualTo("10.1.0.2");
        Network used = network("10.1.0.0/24", false, Map.of("a", endpoint("a", "10.1.0.2"), "b", endpoint("b", "10.1.0.4")));
        assertThat(Ipv4Subnet.formatAddress(Endpoints.allocate(used))).isEqualTo("10.1.0.3");
    }

    @Test
    void allocate_failsWhenTheSubnetIsFull() {
        Network full = network("10.1.0.0/30", false, Map.of("a", endpoint("a", "10.1.0.2")));
        assertThatThrownBy(() -> Endpoints.allocate(full)).isInstanceOf(ConflictException.class);
    }

    @Test
    void portBindings_resolveExplicitAndPublishAll() {
        List<PortRequest> ports = PortBindings.resolve(
                Map.of("80/tcp", List.of(new PortBinding("127.0.0.1", "8080")), "53/udp", List.of(new PortBinding("", ""))),
                true, Set.of("80/tcp", "443/tcp"));
        assertThat(ports).containsExactlyInAnyOrder(
                new PortRequest("127.0.0.1", 8080, 8080, 80, "tcp"),
                new PortRequest("0.0.0.0", 0, 0, 53, "udp"),
                new PortRequest("0.0.0.0", 0, 0, 443, "tcp"));
    }

    @Test
    void portBindings_hostRangeTakesTheFirstFreePortOfIt() {
        assertThat(PortBindings.request("80/tcp", "", "8000-8010")).isEqualTo(new PortRequest("0.0.0.0", 8000, 8010, 80, "tcp"));
        assertThatThrownBy(() -> PortBindings.request("80/tcp", "", "8010-8000"))
                .isInstanceOf(dev.berth.engine.error.InvalidArgumentException.class);
        assertThatThrownBy(() -> PortBindings.request("80/sctp", "", ""))
                .isInstanceOf(dev.berth.engine.error.InvalidArgumentException.class);
    }

    @Test
    void reserve_refusesAnAddressAnotherContainerHolds() {
        Network used = network("10.1.0.0/24", false, Map.of("a", endpoint("a", "10.1.0.5")));
        assertThat(Ipv4Subnet.formatAddress(Endpoints.reserve(used, "10.1.0.9"))).isEqualTo("10.1.0.9");
        assertThatThrownBy(() -> Endpoints.reserve(used, "10.1.0.5")).isInstanceOf(ConflictException.class);
    }

    @Test
    void vethNames_fitTheKernelsFifteenCharacters_andDifferPerSlot() {
        String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assertThat(Endpoints.vethName(id, 0)).isEqualTo("vb0123456789a0").hasSizeLessThanOrEqualTo(15);
        assertThat(Endpoints.vethName(id, 15)).isEqualTo("vb0123456789af");
        assertThat(Endpoints.netnsName(id)).isEqualTo("berth-0123456789ab");
    }

    @Test
    void hostsFile_listsOwnAddressThenPeers() {
        String hosts = HostsFile.render("web", "172.30.0.2", List.of("db.local:10.0.0.9"),
                List.of(new HostsFile.Entry("172.30.0.3", List.of("api", "backend", "abcdef123456"))));
        assertThat(hosts).startsWith("127.0.0.1\tlocalhost\n")
                .contains("10.0.0.9\tdb.local\n")
                .endsWith("172.30.0.2\tweb\n172.30.0.3\tapi backend abcdef123456\n");
    }

    @Test
    void rules_natAndIsolationForBridges_dropOnlyForInternal_allCarryTheDaemonsComment() {
        DaemonMark mark = new DaemonMark(java.nio.file.Path.of("/var/lib/berth/networks"));
        String comment = mark.comment("id");
        assertThat(comment).matches("berth:[0-9a-f]{8}:id");
        assertThat(BridgeDriver.rules(network("172.30.0.0/16", false, Map.of()), mark)).containsExactly(
                List.of("nat", "POSTROUTING", "-s", "172.30.0.0/16", "!", "-o", "br-front", "-j", "MASQUERADE",
                        "-m", "comment", "--comment", comment),
                List.of("filter", "BERTH-ISOLATION-1", "-i", "br-front", "!", "-o", "br-front", "-j", "BERTH-ISOLATION-2",
                        "-m", "comment", "--comment", comment),
                List.of("filter", "BERTH-ISOLATION-2", "-o", "br-front", "-j", "DROP", "-m", "comment", "--comment", comment));
        assertThat(BridgeDriver.rules(network("172.30.0.0/16", true, Map.of()), mark))
                .noneMatch(r -> r.contains("MASQUERADE"))
                .allMatch(r -> r.contains("DROP"));
    }
}
