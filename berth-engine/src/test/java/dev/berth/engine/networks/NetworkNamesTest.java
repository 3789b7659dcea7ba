package dev.berth.engine.networks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who resolves whom in /etc/hosts, --add-host, --link and resolv.conf: pure logic. */
class NetworkNamesTest {

    private static final String A = "aaaaaaaaaaaa0000000000000000000000000000000000000000000000000000";
    private static final String B = "bbbbbbbbbbbb0000000000000000000000000000000000000000000000000000";
    private static final String C = "cccccccccccc0000000000000000000000000000000000000000000000000000";

    private static Network.Endpoint ep(String id, String name, String ip, String... aliases) {
        return new Network.Endpoint(id, name, "e", ip, "", List.of(aliases), "/tmp/h", List.of(), "eth0", "vb");
    }

    private static Network net(String name, String subnet, String bridge, Network.Endpoint... eps) {
        Map<String, Network.Endpoint> m = new LinkedHashMap<>();
        for (Network.Endpoint e : eps) {
            m.put(e.containerId(), e);
        }
        Ipv4Subnet s = Ipv4Subnet.parse(subnet);
        return new Network(name + "-id", name, "bridge", "t", subnet, Ipv4Subnet.formatAddress(s.firstHost()), false,
                Map.of(), Map.of(), bridge, m);
    }

    private static Declared.Sandbox sandbox(String ip, List<String> extraHosts, List<String> links) {
        return new Declared.Sandbox("a", "host-a", "", extraHosts, links, "/tmp/h", List.of(), ip);
    }

    @Test
    void peersOnASharedUserNetwork_resolveByNameAliasAndShortId_othersDoNot() {
        Network front = net("front", "172.30.1.0/24", "br-f", ep(A, "a", "172.30.1.2"), ep(B, "web", "172.30.1.3", "site"));
        Network back = net("back", "172.30.2.0/24", "br-b", ep(C, "db", "172.30.2.2"));
        String hosts = HostsView.render(A, sandbox("172.30.1.2", List.of(), List.of()), List.of(front, back));
        assertThat(hosts).contains("172.30.1.2\thost-a\n")
                .contains("172.30.1.3\tweb site bbbbbbbbbbbb\n")
                .doesNotContain("db");
    }

    @Test
    void theDefaultBridge_resolvesNoPeers_butLinksWithTheirAlias() {
        Network bridge = net("bridge", "172.29.0.0/16", "berth0", ep(A, "a", "172.29.0.2"), ep(B, "web", "172.29.0.3"),
                ep(C, "db", "172.29.0.4"));
        String hosts = HostsView.render(A, sandbox("172.29.0.2", List.of(), List.of("db:database")), List.of(bridge));
        assertThat(hosts).contains("172.29.0.4\tdatabase cccccccccccc db\n").doesNotContain("web");
    }

    @Test
    void links_parseDockersForms() {
        assertThat(HostsView.parseLink("db")).containsExactly("db", "db");
        assertThat(HostsView.parseLink("db:database")).containsExactly("db", "database");
        assertThat(HostsView.parseLink("/db:/app/database")).containsExactly("db", "database");
    }

    @Test
    void addHost_acceptsColonEqualsAndV6_andResolvesHostGateway() {
        assertThat(HostsFile.extraHosts(List.of("a:10.0.0.1", "b=10.0.0.2", "c:[::1]", "gw:host-gateway", "broken"),
                "172.29.0.1")).containsExactly("a:10.0.0.1", "b:10.0.0.2", "c:::1", "gw:172.29.0.1");
        Network front = net("front", "172.30.1.0/24", "br-f", ep(A, "a", "172.30.1.2"));
        assertThat(HostsView.render(A, sandbox("172.30.1.2", List.of("host.docker.internal:host-gateway"), List.of()),
                List.of(front))).contains("172.30.1.1\thost.docker.internal\n");
    }

    @Test
    void domainname_givesTheFullNameFirst() {
        Network front = net("front", "172.30.1.0/24", "br-f", ep(A, "a", "172.30.1.2"));
        Declared.Sandbox sb = new Declared.Sandbox("a", "web", "example.org", List.of(), List.of(), "/tmp/h", List.of(),
                "172.30.1.2");
        assertThat(HostsView.render(A, sb, List.of(front))).contains("172.30.1.2\tweb.example.org web\n");
    }

    @Test
    void resolvConf_replacesEachGivenKind_keepsTheRest() {
        String host = "# host\nnameserver 10.0.0.53\nsearch corp.example\noptions ndots:2\n";
        assertThat(ResolvConf.apply(host, List.of(), List.of(), List.of())).isEqualTo(host);
        assertThat(ResolvConf.apply(host, List.of("1.1.1.1", "9.9.9.9"), List.of("a.example"), List.of("ndots:5")))
                .isEqualTo("# host\nnameserver 1.1.1.1\nnameserver 9.9.9.9\nsearch a.example\noptions ndots:5\n");
        assertThat(ResolvConf.apply(host, List.of(), List.of("."), List.of()))
                .isEqualTo("# host\nnameserver 10.0.0.53\noptions ndots:2\n");
    }

    @Test
    void inspect_showsEveryDeclaredNetwork_addressesOnlyWhereAttached() {
        Network front = net("front", "172.30.1.0/24", "br-f", ep(A, "a", "172.30.1.2", "web"));
        Network back = net("back", "172.30.2.0/24", "br-b");
        Map<String, ContainerNetworking.EndpointRequest> eps = new LinkedHashMap<>();
        eps.put(front.id(), new ContainerNetworking.EndpointRequest(List.of("web"), null));
        eps.put(back.id(), ContainerNetworking.EndpointRequest.none());
        var settings = EndpointViews.settings(A, new Declared("front", eps, null), List.of(front, back), null);
        assertThat(settings.networks()).containsOnlyKeys("front", "back");
        assertThat(settings.networks().get("front").ipAddress()).isEqualTo("172.30.1.2");
        assertThat(settings.networks().get("front").gateway()).isEqualTo("172.30.1.1");
        assertThat(settings.networks().get("front").aliases()).containsExactly("web");
        assertThat(settings.networks().get("front").dnsNames()).containsExactly("a", "web", "aaaaaaaaaaaa");
        assertThat(settings.networks().get("back").ipAddress()).isEmpty();
        assertThat(settings.networks().get("back").networkId()).isEqualTo("back-id");
        assertThat(settings.ipAddress()).isEmpty();
    }
}
