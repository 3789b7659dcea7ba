package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.Commands;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Networks for real: bridges, namespaces and veths on this machine, traffic only between the
 * containers the test starts and 127.0.0.1. Every test removes what it created and checks that
 * no namespace, veth, bridge or rule of its own is left.
 */
class NetworksIT extends DaemonFixture {

    private final NetworkLeftovers own = new NetworkLeftovers(this::berth);

    /** busybox httpd serving {@code text} on port 8080. */
    private static final String SERVE = "mkdir -p /www && echo %s > /www/index.html && exec httpd -f -p 8080 -h /www";
    /**
     * An HTTP GET with nc in a loop with a deadline (~5 s): the server may still be starting.
     * Not wget: the host's busybox-static (static glibc) segfaults in wget's name lookup.
     */
    private static final String FETCH = "for i in $(seq 50); do r=$(printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 1 %s 8080 2>/dev/null);"
            + " case \"$r\" in *hello*) echo \"$r\" | tail -n 1; exit 0;; esac; sleep 0.1; done; exit 1";

    @Test
    void containersOnAUserNetwork_reachEachOtherByNameAndAlias_othersCannot() {
        berth("network", "create", "--subnet", "10.251.7.0/24", "front").assertSuccess();
        berth("network", "create", "back").assertSuccess();
        try {
            berth("run", "-d", "--name", "web", "--network", "front", "--network-alias", "site", "busybox",
                    "sh", "-c", String.format(SERVE, "hello-web")).assertSuccess();
            own.containers("web");
            own.network("front");
            own.network("back");
            assertThat(berth("run", "--rm", "--network", "front", "busybox", "sh", "-c", String.format(FETCH, "web"))
                    .assertSuccess().out()).isEqualTo("hello-web");
            assertThat(berth("run", "--rm", "--network", "front", "busybox", "sh", "-c", String.format(FETCH, "site"))
                    .assertSuccess().out()).isEqualTo("hello-web");
            String ip = berth("inspect", "-f", "{{.NetworkSettings.Networks.front.IPAddress}}", "web").assertSuccess().out();
            assertThat(ip).isEqualTo("10.251.7.2");
            CommandResult other = berth("run", "--rm", "--network", "back", "busybox", "sh", "-c",
                    "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 web 8080 || printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 " + ip + " 8080");
            assertThat(other.exitCode()).isNotZero();
            assertThat(other.stdout()).doesNotContain("hello-web");
            assertThat(berth("network", "inspect", "-f", "{{range .Containers}}{{.Name}}{{end}}", "front")
                    .assertSuccess().out()).isEqualTo("web");
            assertThat(berth("network", "rm", "front").exitCode()).isEqualTo(1);
        } finally {
            berth("rm", "-f", "web");
            berth("network", "rm", "front", "back");
        }
        own.assertNoneLeft();
    }

    /**
     * The embedded DNS server: busybox nslookup (which asks DNS only, never /etc/hosts) finds a
     * container and an alias of its network, gets NXDOMAIN for a container on another network, and
     * an external name comes from the container's --dns server: a stub in this JVM on a loopback
     * address of its own, which the daemon (on the host) forwards to. (No --dns-search here:
     * busybox nslookup then asks only for the name with the search domain appended.) The reverse
     * name of the container's address gets {@code name.network}, of a free address of the network
     * NXDOMAIN. busybox nslookup has no TCP mode, so TCP is asked from the host (which the
     * listener treats as a stranger on the network: it sees that network's names).
     */
    @Test
    void embeddedDns_answersTheNetworksNames_nxdomainForOthers_forwardsTheRest() throws Exception {
        berth("network", "create", "--subnet", "10.251.21.0/24", "dns-a").assertSuccess();
        berth("network", "create", "--subnet", "10.251.22.0/24", "dns-b").assertSuccess();
        String stubIp = "127.53." + (1 + new java.util.Random().nextInt(250)) + "." + (1 + new java.util.Random().nextInt(250));
        try (java.net.DatagramSocket stub = new java.net.DatagramSocket(new java.net.InetSocketAddress(stubIp, 53))) {
            Thread.ofVirtual().start(() -> answerOneName(stub, "far.example", new byte[] {10, 77, 0, 1}));
            berth("run", "-d", "--name", "dweb", "--network", "dns-a", "--network-alias", "dsite", "busybox",
                    "sleep", "300").assertSuccess();
            berth("run", "-d", "--name", "dother", "--network", "dns-b", "busybox", "sleep", "300").assertSuccess();
            own.containers("dweb", "dother");
            own.network("dns-a");
            own.network("dns-b");
            assertThat(listening53()).contains("10.251.21.1:53", "10.251.22.1:53");

            String out = berth("run", "--rm", "--network", "dns-a", "--dns", stubIp, "--dns-option", "edns0",
                    "busybox", "sh", "-c", "cat /etc/resolv.conf; for n in dweb dsite dother far.example; do"
                            + " echo \"== $n\"; nslookup -type=a $n; echo \"rc=$?\"; done").out();
            assertThat(out).contains("nameserver 10.251.21.1", "options edns0", "options ndots:0")
                    .doesNotContain("nameserver " + stubIp);
            assertThat(section(out, "dweb")).contains("Address: 10.251.21.2", "rc=0");
            assertThat(section(out, "dsite")).contains("Address: 10.251.21.2", "rc=0");
            assertThat(section(out, "dother")).contains("NXDOMAIN").doesNotContain("10.251.22.");
            assertThat(section(out, "far.example")).contains("Address: 10.77.0.1", "rc=0");

            String reverse = berth("run", "--rm", "--network", "dns-a", "busybox", "sh", "-c",
                    "for n in 10.251.21.2 10.251.21.99; do echo \"== $n\"; nslookup $n; echo \"rc=$?\"; done").out();
            assertThat(section(reverse, "10.251.21.2")).contains("name = dweb.dns-a", "rc=0");
            assertThat(section(reverse, "10.251.21.99")).contains("NXDOMAIN");

            assertThat(listening53Tcp()).contains("10.251.21.1:53", "10.251.22.1:53");
            byte[] overTcp = askOverTcp(new java.net.InetSocketAddress("10.251.21.1", 53), "dweb");
            assertThat(overTcp[3] & 0xF).as("rcode").isZero();
            assertThat(java.util.Arrays.copyOfRange(overTcp, overTcp.length - 4, overTcp.length))
                    .containsExactly(10, (byte) 251, 21, 2);
        } finally {
            berth("rm", "-f", "dweb", "dother");
            berth("network", "rm", "dns-a", "dns-b");
        }
        assertThat(listening53()).doesNotContain("10.251.21.1:53", "10.251.22.1:53");
        assertThat(listening53Tcp()).doesNotContain("10.251.21.1:53", "10.251.22.1:53");
        own.assertNoneLeft();
    }

    /** What one {@code nslookup} of {@link #embeddedDns_answersTheNetworksNames_nxdomainForOthers_forwardsTheRest} printed. */
    private static String section(String out, String name) {
        int start = out.indexOf("== " + name + "\n");
        int end = out.indexOf("== ", start + 3);
        return start < 0 ? "" : out.substring(start, end < 0 ? out.length() : end);
    }

    /** The UDP listeners on port 53 of this host. */
    private static String listening53() {
        return Commands.run(List.of("ss", "-H", "-l", "-u", "-n", "sport = :53"), Map.of(), null, 10).stdout();
    }

    private static String listening53Tcp() {
        return Commands.run(List.of("ss", "-H", "-l", "-t", "-n", "sport = :53"), Map.of(), null, 10).stdout();
    }

    /** One A query over TCP (RFC 1035 4.2.2: a two-byte length before each message); the reply. */
    private static byte[] askOverTcp(java.net.InetSocketAddress server, String name) throws java.io.IOException {
        java.io.ByteArrayOutputStream q = new java.io.ByteArrayOutputStream();
        q.writeBytes(new byte[] {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
        q.write(name.length());
        q.writeBytes(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        q.writeBytes(new byte[] {0, 0, 1, 0, 1});
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(server, 5000);
            s.setSoTimeout(5000);
            java.io.DataOutputStream out = new java.io.DataOutputStream(s.getOutputStream());
            out.writeShort(q.size());
            out.write(q.toByteArray());
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            return in.readNBytes(in.readUnsignedShort());
        }
    }

    /**
     * A DNS stub, so forwarding needs no internet: {@code name} has the A record {@code address},
     * every other name is NXDOMAIN (as the search domain's variants would be).
     */
    private static void answerOneName(java.net.DatagramSocket socket, String name, byte[] address) {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            try {
                java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
                socket.receive(p);
                var q = dev.berth.engine.networks.dns.DnsMessage.parse(buf, p.getLength()).orElseThrow();
                byte[] r = !q.name().equals(name)
                        ? dev.berth.engine.networks.dns.DnsMessage.error(q, dev.berth.engine.networks.dns.DnsMessage.NXDOMAIN)
                        : dev.berth.engine.networks.dns.DnsMessage.answer(q,
                                q.type() == dev.berth.engine.networks.dns.DnsMessage.TYPE_A
                                        ? List.of((java.net.Inet4Address) java.net.InetAddress.getByAddress(address)) : List.of(), 30);
                socket.send(new java.net.DatagramPacket(r, r.length, p.getSocketAddress()));
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    @Test
    void publishedPort_servesHttpdOnLoopback_andClosesWhenStopped() throws Exception {
        berth("run", "-d", "--name", "pub", "-p", "127.0.0.1::8080", "busybox", "sh", "-c",
                String.format(SERVE, "published")).assertSuccess();
        own.containers("pub");
        try {
            String port = berth("inspect", "-f", "{{(index (index .NetworkSettings.Ports \"8080/tcp\") 0).HostPort}}",
                    "pub").assertSuccess().out();
            assertThat(berth("ps", "--format", "{{.Ports}}", "--filter", "name=pub").out())
                    .isEqualTo("127.0.0.1:" + port + "->8080/tcp");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/");
            String[] body = new String[1];
            Await.until("httpd behind the published port", Duration.ofSeconds(10), () -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                    body[0] = r.body();
                    return r.statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(body[0].strip()).isEqualTo("published");
            berth("stop", "-t", "1", "pub").assertSuccess();
            assertThat(canConnect(Integer.parseInt(port))).isFalse();
        } finally {
            berth("rm", "-f", "pub");
        }
        own.assertNoneLeft();
    }

    @Test
    void defaultBridge_givesAnAddress_noneKeepsLoopback_hostSharesTheHostStack() {
        String out = berth("run", "--name", "onbridge", "busybox", "sh", "-c", "ip -4 addr show eth0; ip route")
                .assertSuccess().out();
        own.containers("onbridge");
        berth("rm", "onbridge").assertSuccess();
        String gateway = berth("network", "inspect", "-f", "{{(index .IPAM.Config 0).Gateway}}", "bridge").assertSuccess().out();
        String prefix = gateway.substring(0, gateway.lastIndexOf('.') + 1);
        assertThat(out).contains("inet " + prefix).contains("default via " + gateway);
        assertThat(Commands.run(List.of("ip", "-4", "-o", "addr", "show", "dev", daemon.bridge()), Map.of(), null, 5).stdout())
                .as("the daemon's own default bridge (--bridge)").contains("inet " + gateway + "/");
        assertThat(berth("run", "--rm", "--network", "none", "busybox", "cat", "/proc/net/dev").assertSuccess().out())
                .contains("lo:").doesNotContain("eth0");
        String hostIfaces = Commands.run(List.of("cat", "/proc/net/dev"), Map.of(), null, 5).stdout();
        assertThat(berth("run", "--rm", "--network", "host", "busybox", "cat", "/proc/net/dev").assertSuccess().out())
                .contains("eth0:").isNotEmpty();
        assertThat(hostIfaces).contains("eth0:");
        own.assertNoneLeft();
    }

    @Test
    void dockerCli_createsListsInspectsAndRemovesNetworks() {
        String id = docker("network", "create", "--label", "team=a", "viadocker").assertSuccess().out();
        try {
            own.network("viadocker");
            assertThat(docker("network", "ls", "--format", "{{.Name}}").assertSuccess().out().lines())
                    .contains("bridge", "host", "none", "viadocker");
            assertThat(docker("network", "inspect", "-f", "{{.Id}} {{.Labels.team}} {{.Driver}}", "viadocker")
                    .assertSuccess().out()).isEqualTo(id + " a bridge");
            String gateway = docker("network", "inspect", "-f", "{{(index .IPAM.Config 0).Gateway}}", "viadocker").out();
            assertThat(docker("run", "--rm", "--network", "viadocker", "--name", "dk", "busybox", "hostname", "-i")
                    .assertSuccess().out()).startsWith(gateway.substring(0, gateway.lastIndexOf('.') + 1));
        } finally {
            docker("network", "rm", "viadocker").assertSuccess();
        }
        assertThat(docker("network", "ls", "-q", "--filter", "name=viadocker").out()).isEmpty();
        own.assertNoneLeft();
    }

    @Test
    void networkRemovedWhileTheDaemonWasDown_leavesNoBridgeOrRuleAfterRestart() throws Exception {
        String id = berth("network", "create", "--subnet", "10.251.8.0/24", "stale").assertSuccess().out();
        String bridge = "br-" + id.substring(0, 12);
        assertThat(Path.of("/sys/class/net", bridge)).exists();
        assertThat(rulesMentioning(bridge)).isNotEmpty();

        // a crash, and the network's record gone with it (as a removal cut short after the record)
        daemon.crash();
        Files.delete(daemon.dataRoot().resolve("networks").resolve(id + ".json"));
        daemon.start();
        assertThat(Path.of("/sys/class/net", bridge)).doesNotExist();
        assertThat(rulesMentioning(bridge)).isEmpty();
        assertThat(berth("network", "ls", "-q", "--filter", "name=stale").out()).isEmpty();
    }

    private static List<String> rulesMentioning(String bridge) {
        return java.util.stream.Stream.of("nat", "filter")
                .flatMap(t -> Commands.run(List.of("iptables", "-w", "-t", t, "-S"), Map.of(), null, 5).stdout().lines())
                .filter(l -> l.contains(" " + bridge + " "))
                .toList();
    }

    static boolean canConnect(int port) {
        try (var s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
