package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.CommandResult;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connecting and disconnecting containers at run time, names and aliases across networks,
 * {@code container:} mode, the /etc files (--add-host, --dns, --link), {@code port}, UDP
 * publishing and published ports surviving a daemon crash. Traffic only between the test's
 * containers and 127.0.0.1; every test checks nothing of its own is left on the host.
 */
class NetworkConnectIT extends DaemonFixture {

    /** A UDP echo server ({@code pong-<datagram>}): the host's python3 run by its loader, busybox has none. */
    private static final String UDP_ECHO = "PYTHONHOME=/hostusr exec /hostusr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
            + " --library-path /hostusr/lib/x86_64-linux-gnu /hostusr/bin/python3.11 -c \"import socket\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
            + "s.bind(('0.0.0.0',9999))\nwhile True:\n d,a=s.recvfrom(100)\n s.sendto(b'pong-'+d,a)\"";
    private static final String SERVE = "mkdir -p /www && echo hello > /www/index.html && httpd -p 8080 -h /www && ";

    private final NetworkLeftovers own = new NetworkLeftovers(this::berth);

    @BeforeEach
    void forgetOwn() {
        own.assertNoneLeft();
    }

    private void trackContainers(String... names) {
        own.containers(names);
    }

    private void trackNetwork(String name) {
        own.network(name);
    }

    private void assertNothingLeft() {
        own.assertNoneLeft();
    }

    private boolean reaches(String container, String name) {
        return berth("exec", container, "ping", "-c", "1", "-W", "1", name).exitCode() == 0;
    }

    @Test
    void connectAndDisconnect_atRunTimeAndWhileStopped_namesResolveOnlyOnSharedNetworks() {
        berth("network", "create", "--subnet", "10.251.9.0/24", "nc-front").assertSuccess();
        berth("network", "create", "--subnet", "10.251.10.0/24", "nc-back").assertSuccess();
        try {
            berth("run", "-d", "--name", "srv", "--network", "nc-front", "busybox", "sleep", "300").assertSuccess();
            berth("run", "-d", "--name", "cli", "--network", "nc-back", "busybox", "sleep", "300").assertSuccess();
            trackContainers("srv", "cli");
            trackNetwork("nc-front");
            trackNetwork("nc-back");
            assertThat(reaches("cli", "srv")).isFalse();

            berth("network", "connect", "--alias", "www", "nc-front", "cli").assertSuccess();
            assertThat(reaches("cli", "srv")).isTrue();
            assertThat(reaches("srv", "www")).isTrue();
            String cliId = berth("inspect", "-f", "{{.Id}}", "cli").out();
            assertThat(reaches("srv", cliId.substring(0, 12))).isTrue();
            assertThat(berth("inspect", "-f", "{{json .NetworkSettings.Networks}}", "cli").out())
                    .contains("\"nc-back\"", "\"nc-front\"", "\"Aliases\":[\"www\"]", "\"Gateway\":\"10.251.9.1\"",
                            "\"IPAddress\":\"10.251.9.3\"", "\"MacAddress\":\"02:42:0a:fb:09:03\"");
            assertThat(berth("exec", "cli", "ip", "-4", "-o", "addr").out()).contains("eth0", "eth1", "10.251.9.3");
            assertThat(berth("network", "connect", "nc-front", "cli").exitCode()).isNotZero();

            berth("network", "disconnect", "nc-front", "cli").assertSuccess();
            assertThat(reaches("cli", "srv")).isFalse();
            assertThat(berth("exec", "cli", "ip", "-o", "link").out()).doesNotContain("eth1");
            assertThat(berth("inspect", "-f", "{{json .NetworkSettings.Networks}}", "cli").out()).doesNotContain("nc-front");

            berth("create", "--name", "later", "--network", "nc-back", "busybox", "sleep", "300").assertSuccess();
            berth("network", "connect", "--ip", "10.251.9.50", "nc-front", "later").assertSuccess();
            berth("start", "later").assertSuccess();
            trackContainers("later");
            assertThat(berth("inspect", "-f", "{{(index .NetworkSettings.Networks \"nc-front\").IPAddress}}", "later").out())
                    .isEqualTo("10.251.9.50");
            assertThat(reaches("srv", "later")).isTrue();
            assertThat(reaches("later", "cli")).isTrue();
        } finally {
            berth("rm", "-f", "srv", "cli", "later");
            berth("network", "rm", "nc-front", "nc-back");
        }
        assertNothingLeft();
    }

    @Test
    void containerMode_sharesTheNamespace_etcFilesFollowTheFlags() {
        try {
            berth("run", "-d", "--name", "base", "busybox", "sleep", "300").assertSuccess();
            trackContainers("base");
            String mac = berth("exec", "base", "cat", "/sys/class/net/eth0/address").assertSuccess().out();
            assertThat(berth("run", "--rm", "--network", "container:base", "busybox", "cat", "/sys/class/net/eth0/address")
                    .assertSuccess().out()).isEqualTo(mac);

            String out = berth("run", "--rm", "--hostname", "h1", "--domainname", "example.org",
                    "--add-host", "extra.local:10.1.2.3", "--add-host", "gw:host-gateway", "--dns", "10.9.9.9",
                    "--dns-search", "corp.example", "--dns-option", "ndots:3", "--link", "base:db",
                    "busybox", "sh", "-c", "cat /etc/hosts /etc/resolv.conf /proc/sys/kernel/domainname; hostname").assertSuccess().out();
            String baseIp = berth("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "base").out();
            String gateway = berth("inspect", "-f", "{{.NetworkSettings.Gateway}}", "base").out();
            assertThat(out).contains("10.1.2.3\textra.local", gateway + "\tgw", "\th1.example.org h1",
                    baseIp + "\tdb ", "nameserver 10.9.9.9", "search corp.example", "options ndots:3")
                    .endsWith("h1");
            assertThat(out.lines()).as("--domainname sets the kernel's domain name").contains("example.org");
            assertThat(berth("run", "--rm", "--link", "nosuch:db", "busybox", "true").exitCode()).isNotZero();
        } finally {
            berth("rm", "-f", "base");
        }
        assertNothingLeft();
    }

    @Test
    void publishedTcpAndUdp_showInPort_andComeBackAfterADaemonCrash() throws Exception {
        // A subnet of our own: other daemons on this machine may pick the default bridge's.
        berth("network", "create", "--subnet", "10.251.12.0/24", "nc-pub").assertSuccess();
        berth("run", "-d", "--name", "pubs", "--network", "nc-pub", "-v", "/usr:/hostusr:ro", "-p", "127.0.0.1:18080-18090:8080",
                "-p", "127.0.0.1::9999/udp", "busybox", "sh", "-c", SERVE + UDP_ECHO).assertSuccess();
        trackContainers("pubs");
        trackNetwork("nc-pub");
        try {
            String tcp = berth("inspect", "-f", "{{(index (index .NetworkSettings.Ports \"8080/tcp\") 0).HostPort}}",
                    "pubs").out();
            String udp = berth("inspect", "-f", "{{(index (index .NetworkSettings.Ports \"9999/udp\") 0).HostPort}}",
                    "pubs").out();
            assertThat(Integer.parseInt(tcp)).isBetween(18080, 18090);
            assertThat(berth("port", "pubs").assertSuccess().out().lines())
                    .containsExactly("8080/tcp -> 127.0.0.1:" + tcp, "9999/udp -> 127.0.0.1:" + udp);
            assertThat(berth("port", "pubs", "9999/udp").assertSuccess().out()).isEqualTo("127.0.0.1:" + udp);
            assertThat(berth("port", "pubs", "53").exitCode()).isNotZero();
            awaitHttp(Integer.parseInt(tcp));
            awaitUdp(Integer.parseInt(udp));

            daemon.crash();
            daemon.start();
            assertThat(berth("inspect", "-f", "{{.State.Running}}", "pubs").out()).isEqualTo("true");
            awaitHttp(Integer.parseInt(tcp));
            awaitUdp(Integer.parseInt(udp));

            assertThat(docker("port", "pubs", "8080").assertSuccess().out()).isEqualTo("127.0.0.1:" + tcp);
            berth("stop", "-t", "1", "pubs").assertSuccess();
            assertThat(NetworksIT.canConnect(Integer.parseInt(tcp))).isFalse();
        } finally {
            berth("rm", "-f", "pubs");
            berth("network", "rm", "nc-pub");
        }
        assertNothingLeft();
    }

    @Test
    void disconnectingThePrimaryNetwork_movesTheRouteAndThePublishedPortsToTheNextOne() {
        berth("network", "create", "--subnet", "10.251.13.0/24", "nc-first").assertSuccess();
        berth("network", "create", "--subnet", "10.251.14.0/24", "nc-second").assertSuccess();
        try {
            berth("run", "-d", "--name", "mover", "--network", "nc-first", "-p", "127.0.0.1::8080", "busybox", "sh", "-c",
                    SERVE + "exec sleep 300").assertSuccess();
            trackContainers("mover");
            trackNetwork("nc-first");
            trackNetwork("nc-second");
            int port = Integer.parseInt(berth("port", "mover", "8080").assertSuccess().out().split(":")[1]);
            berth("network", "connect", "nc-second", "mover").assertSuccess();
            awaitHttp(port);

            berth("network", "disconnect", "nc-first", "mover").assertSuccess();
            assertThat(berth("exec", "mover", "ip", "route").out()).contains("default via 10.251.14.1");
            awaitHttp(port);
            assertThat(berth("port", "mover", "8080").out()).isEqualTo("127.0.0.1:" + port);
        } finally {
            berth("rm", "-f", "mover");
            berth("network", "rm", "nc-first", "nc-second");
        }
        assertNothingLeft();
    }

    @Test
    void dockerCli_connectsAndDisconnects_predefinedNetworksRefuseRemoval() {
        docker("network", "create", "--subnet", "10.251.11.0/24", "nc-dk").assertSuccess();
        try {
            docker("run", "-d", "--name", "dk1", "busybox", "sleep", "300").assertSuccess();
            trackContainers("dk1");
            trackNetwork("nc-dk");
            docker("network", "connect", "--alias", "dkalias", "nc-dk", "dk1").assertSuccess();
            assertThat(docker("inspect", "-f", "{{(index .NetworkSettings.Networks \"nc-dk\").IPAddress}}", "dk1")
                    .assertSuccess().out()).isEqualTo("10.251.11.2");
            assertThat(docker("run", "--rm", "--network", "nc-dk", "busybox", "ping", "-c", "1", "-W", "1", "dkalias")
                    .exitCode()).isZero();
            docker("network", "disconnect", "nc-dk", "dk1").assertSuccess();
            CommandResult rm = docker("network", "rm", "bridge");
            assertThat(rm.exitCode()).isNotZero();
            assertThat(rm.stderr()).contains("bridge is a pre-defined network and cannot be removed");
        } finally {
            docker("rm", "-f", "dk1");
            docker("network", "rm", "nc-dk");
        }
        assertNothingLeft();
    }

    private static void awaitHttp(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        // each try bounded, so that one stuck exchange cannot eat the whole wait
        Await.until("httpd behind port " + port, Duration.ofSeconds(30), () -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().strip().equals("hello");
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Sends {@code ping} until {@code pong-ping} comes back through the published UDP port. */
    private static void awaitUdp(int port) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(500);
            Await.until("UDP echo behind port " + port, Duration.ofSeconds(15), () -> {
                try {
                    byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
                    s.send(new DatagramPacket(ping, ping.length, new InetSocketAddress("127.0.0.1", port)));
                    DatagramPacket answer = new DatagramPacket(new byte[100], 100);
                    s.receive(answer);
                    return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII).equals("pong-ping");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        }
    }
}
