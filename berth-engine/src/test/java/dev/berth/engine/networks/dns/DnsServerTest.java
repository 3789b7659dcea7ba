package dev.berth.engine.networks.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server on 127.0.0.1 (a free port), a table with one name, and upstream stubs on loopback. */
class DnsServerTest {

    private DatagramSocket upstream;
    private DatagramSocket silent;
    private DatagramSocket client;
    private Thread upstreamLoop;
    private volatile List<InetSocketAddress> upstreams;
    private DnsServer server;

    @BeforeEach
    void start() throws IOException {
        upstream = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        upstreamLoop = Thread.ofVirtual().start(this::answerEverythingWith42);
        upstreams = List.of((InetSocketAddress) upstream.getLocalSocketAddress());
        NameTable names = new NameTable() {
            @Override
            public Optional<List<Inet4Address>> addresses(InetAddress asker, String name) {
                return name.equals("web") || name.equals("web.alias")
                        ? Optional.of(List.of(v4("10.0.0.5"), v4("10.0.0.6"))) : Optional.empty();
            }

            @Override
            public List<InetSocketAddress> upstreams(InetAddress asker) {
                return upstreams;
            }
        };
        server = DnsServer.open(new InetSocketAddress("127.0.0.1", 0), names,
                new Forwarder(4, Duration.ofMillis(300)));
        client = new DatagramSocket();
        client.setSoTimeout(5000);
        client.connect(server.address());
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
        upstream.close();
        silent.close();
        upstreamLoop.interrupt();
    }

    /** The stub upstream: NOERROR with one A record 42.42.42.42 for whatever is asked. */
    private void answerEverythingWith42() {
        byte[] buf = new byte[512];
        while (!upstream.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                upstream.receive(p);
                var q = DnsMessage.parse(buf, p.getLength()).orElseThrow();
                byte[] r = DnsMessage.answer(q, List.of(v4("42.42.42.42")), 30);
                upstream.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static Inet4Address v4(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] ask(String name, int type) throws IOException {
        java.io.ByteArrayOutputStream q = new java.io.ByteArrayOutputStream();
        q.writeBytes(new byte[] {0x77, 0x01, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            q.write(label.length());
            q.writeBytes(label.getBytes());
        }
        q.writeBytes(new byte[] {0, 0, (byte) type, 0, 1});
        return exchange(q.toByteArray());
    }

    private byte[] exchange(byte[] query) throws IOException {
        client.send(new DatagramPacket(query, query.length));
        byte[] buf = new byte[1024];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        client.receive(p);
        return Arrays.copyOf(buf, p.getLength());
    }

    private static int rcode(byte[] r) {
        return r[3] & 0xF;
    }

    private static int answers(byte[] r) {
        return DnsMessage.u16(r, 6);
    }

    @Test
    void closedServer_givesItsAddressBackAtOnce_forANetworkRecreatedOnTheSameGateway() throws IOException {
        InetSocketAddress address = server.address();
        NameTable none = new NameTable() {
            @Override
            public Optional<List<Inet4Address>> addresses(InetAddress asker, String name) {
                return Optional.empty();
            }

            @Override
            public List<InetSocketAddress> upstreams(InetAddress asker) {
                return upstreams;
            }
        };
        // the receive loop is parked in receive() when close() runs
        for (int i = 0; i < 100; i++) {
            server.close();
            server = DnsServer.open(address, none, new Forwarder(4, Duration.ofMillis(300)));
        }
        assertThat(rcode(ask("web", DnsMessage.TYPE_A))).isEqualTo(DnsMessage.NXDOMAIN);
    }

    @Test
    void containerName_getsItsARecords_withDockersTtl() throws IOException {
        byte[] r = ask("WEB", DnsMessage.TYPE_A);
        assertThat(rcode(r)).isEqualTo(DnsMessage.NOERROR);
        assertThat(answers(r)).isEqualTo(2);
        assertThat(Arrays.copyOfRange(r, r.length - 4, r.length)).containsExactly(10, 0, 0, 6);
        assertThat(DnsMessage.u16(r, 0)).isEqualTo(0x7701);
    }

    @Test
    void aaaaForAContainerName_isNoDataNotNxdomain() throws IOException {
        byte[] r = ask("web", DnsMessage.TYPE_AAAA);
        assertThat(rcode(r)).isEqualTo(DnsMessage.NOERROR);
        assertThat(answers(r)).isZero();
    }

    @Test
    void unknownSingleLabel_isNxdomain_notForwarded() throws IOException {
        byte[] r = ask("elsewhere", DnsMessage.TYPE_A);
        assertThat(rcode(r)).isEqualTo(DnsMessage.NXDOMAIN);
    }

    @Test
    void otherNames_areForwarded_andTheReplyRelayedAsIs() throws IOException {
        byte[] r = ask("example.com", DnsMessage.TYPE_A);
        assertThat(rcode(r)).isEqualTo(DnsMessage.NOERROR);
        assertThat(answers(r)).isEqualTo(1);
        assertThat(Arrays.copyOfRange(r, r.length - 4, r.length)).containsExactly(42, 42, 42, 42);
        assertThat(DnsMessage.u16(r, 0)).isEqualTo(0x7701);
    }

    @Test
    void silentUpstream_isSkipped_thenServfailWhenNoneAnswers() throws IOException {
        upstreams = List.of((InetSocketAddress) silent.getLocalSocketAddress(),
                (InetSocketAddress) upstream.getLocalSocketAddress());
        assertThat(answers(ask("example.com", DnsMessage.TYPE_A))).isEqualTo(1);
        upstreams = List.of((InetSocketAddress) silent.getLocalSocketAddress());
        assertThat(rcode(ask("example.com", DnsMessage.TYPE_A))).isEqualTo(DnsMessage.SERVFAIL);
    }

    @Test
    void garbage_getsFormerr() throws IOException {
        byte[] r = exchange(new byte[] {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0x3f});
        assertThat(rcode(r)).isEqualTo(DnsMessage.FORMERR);
        assertThat(DnsMessage.u16(r, 0)).isEqualTo(0x1234);
    }
}
