package dev.berth.engine.networks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the embedded DNS server answers whom: the records of /etc/hosts, seen from the asker. */
class EmbeddedDnsTest {

    private static final String A = "aaaaaaaaaaaa0000000000000000000000000000000000000000000000000000";
    private static final String B = "bbbbbbbbbbbb0000000000000000000000000000000000000000000000000000";
    private static final String C = "cccccccccccc0000000000000000000000000000000000000000000000000000";
    private static final String D = "dddddddddddd0000000000000000000000000000000000000000000000000000";

    private static Network.Endpoint ep(String id, String name, String ip, String... aliases) {
        return new Network.Endpoint(id, name, "e", ip, "", List.of(aliases), "/tmp/h", List.of(), "eth0", "vb");
    }

    private static Network net(String name, String subnet, Network.Endpoint... eps) {
        Map<String, Network.Endpoint> m = new LinkedHashMap<>();
        for (Network.Endpoint e : eps) {
            m.put(e.containerId(), e);
        }
        Ipv4Subnet s = Ipv4Subnet.parse(subnet);
        return new Network(name + "-id", name, "bridge", "t", subnet, Ipv4Subnet.formatAddress(s.firstHost()), false,
                Map.of(), Map.of(), "br-" + name, m);
    }

    // a (A) is on front and back; web (B, alias site and shared alias api) on front; db (C, alias api) on back;
    // x (D) on other only; the default bridge resolves no names.
    private static final List<Network> NETWORKS = List.of(
            net("front", "10.5.1.0/24", ep(A, "a", "10.5.1.2"), ep(B, "web", "10.5.1.3", "site", "api")),
            net("back", "10.5.2.0/24", ep(A, "a", "10.5.2.2"), ep(C, "db", "10.5.2.3", "api")),
            net("other", "10.5.3.0/24", ep(D, "x", "10.5.3.2")),
            net("bridge", "10.5.4.0/24", ep(D, "x", "10.5.4.2")));

    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of("front", "10.5.1.2", "web", List.of("10.5.1.3")),
                Arguments.of("front", "10.5.1.2", "site", List.of("10.5.1.3")),
                Arguments.of("front", "10.5.1.2", "bbbbbbbbbbbb", List.of("10.5.1.3")),
                Arguments.of("front", "10.5.1.3", "a", List.of("10.5.1.2")),
                Arguments.of("front", "10.5.1.2", "a", List.of("10.5.1.2", "10.5.2.2")),
                // a is on back too, so it sees db through the front listener, as under dockerd
                Arguments.of("front", "10.5.1.2", "db", List.of("10.5.2.3")),
                Arguments.of("front", "10.5.1.2", "api", List.of("10.5.1.3", "10.5.2.3")),
                Arguments.of("front", "10.5.1.3", "db", List.of()),
                Arguments.of("front", "10.5.1.3", "x", List.of()),
                Arguments.of("other", "10.5.3.2", "web", List.of()),
                Arguments.of("other", "10.5.3.2", "x", List.of("10.5.3.2")),
                // an address that is no container of the network sees that network only
                Arguments.of("back", "10.5.2.99", "db", List.of("10.5.2.3")),
                Arguments.of("back", "10.5.2.99", "web", List.of()),
                // name.network, as dockerd: the target of its PTR answers
                Arguments.of("front", "10.5.1.2", "web.front", List.of("10.5.1.3")),
                Arguments.of("front", "10.5.1.2", "site.front", List.of("10.5.1.3")),
                Arguments.of("front", "10.5.1.2", "a.back", List.of("10.5.2.2")),
                Arguments.of("front", "10.5.1.2", "web.back", List.of()),
                Arguments.of("front", "10.5.1.3", "db.back", List.of()));
    }

    static Stream<Arguments> reverseLookups() {
        return Stream.of(
                Arguments.of("front", "10.5.1.2", "10.5.1.3", List.of("web.front")),
                Arguments.of("front", "10.5.1.2", "10.5.2.3", List.of("db.back")),
                Arguments.of("front", "10.5.1.2", "10.5.1.99", List.of()),
                // web is not on back, nor on other: those addresses are not its to answer
                Arguments.of("front", "10.5.1.3", "10.5.2.3", null),
                Arguments.of("front", "10.5.1.2", "10.5.3.2", null),
                Arguments.of("front", "10.5.1.2", "192.168.1.1", null),
                Arguments.of("back", "10.5.2.99", "10.5.2.2", List.of("a.back")));
    }

    @ParameterizedTest(name = "{0}: {1} asks for {2}")
    @MethodSource("reverseLookups")
    void hosts_nameContainersOfTheAskersNetworks_nothingForOtherAddresses(String network, String asker, String address,
            List<String> expected) throws Exception {
        EmbeddedDns dns = new EmbeddedDns(() -> NETWORKS, List.of());
        var found = dns.names(network + "-id").hosts(InetAddress.getByName(asker),
                (java.net.Inet4Address) InetAddress.getByName(address));
        assertThat(found.orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} asks {2}")
    @MethodSource("lookups")
    void addresses_areThoseOfTheAskersUserNetworks(String network, String asker, String name, List<String> expected)
            throws Exception {
        EmbeddedDns dns = new EmbeddedDns(() -> NETWORKS, List.of());
        var found = dns.names(network + "-id").addresses(InetAddress.getByName(asker), name);
        assertThat(found.map(l -> l.stream().map(InetAddress::getHostAddress).toList()).orElse(List.of()))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void upstreams_areTheContainersDns_elseTheDaemons() throws Exception {
        EmbeddedDns dns = new EmbeddedDns(() -> NETWORKS, List.of("10.9.9.9", "127.0.0.1:5353"));
        dns.useServers(B, List.of("10.8.8.8"));
        var names = dns.names("front-id");
        assertThat(names.upstreams(InetAddress.getByName("10.5.1.3")))
                .containsExactly(new InetSocketAddress("10.8.8.8", 53));
        assertThat(names.upstreams(InetAddress.getByName("10.5.1.2")))
                .containsExactly(new InetSocketAddress("10.9.9.9", 53), new InetSocketAddress("127.0.0.1", 5353));
        dns.forget(B);
        assertThat(names.upstreams(InetAddress.getByName("10.5.1.3"))).hasSize(2);
    }

    @Test
    void hostServers_keepLoopbackOnes_theDaemonIsOnTheHost() throws Exception {
        Path f = Files.createTempFile("resolv", ".conf");
        try {
            Files.writeString(f, "search lan\nnameserver 127.0.0.53\nnameserver fd00::1\noptions edns0\n");
            assertThat(EmbeddedDns.hostServers(f)).containsExactly("127.0.0.53", "[fd00::1]");
            assertThat(EmbeddedDns.parse(EmbeddedDns.hostServers(f)))
                    .containsExactly(new InetSocketAddress("127.0.0.53", 53), new InetSocketAddress("fd00::1", 53));
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void resolvConf_namesTheGateway_keepsSearchAndOptions_addsNdotsZero() {
        assertThat(ResolvConf.embedded("nameserver 10.0.0.2\nsearch corp.example\noptions edns0\n", "10.5.1.1"))
                .isEqualTo("nameserver 10.5.1.1\nsearch corp.example\noptions edns0\noptions ndots:0\n");
        assertThat(ResolvConf.embedded("nameserver 10.5.1.1\noptions ndots:3\n", "10.5.1.1"))
                .isEqualTo("nameserver 10.5.1.1\noptions ndots:3\n");
    }
}
