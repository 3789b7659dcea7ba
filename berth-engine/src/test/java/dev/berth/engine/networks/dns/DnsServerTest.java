package dev.berth.engine.networks.dns;

import static dev.berth.engine.networks.dns.DnsFixture.answers;
import static dev.berth.engine.networks.dns.DnsFixture.lastAddress;
import static dev.berth.engine.networks.dns.DnsFixture.query;
import static dev.berth.engine.networks.dns.DnsFixture.rcode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server on 127.0.0.1 (a free port) asked over UDP, the fixture's table, and upstream stubs on loopback. */
class DnsServerTest {

    private DnsFixture.Upstream upstream;
    private DatagramSocket silent;
    private DatagramSocket client;
    private volatile List<InetSocketAddress> upstreams;
    private DnsServer server;

    @BeforeEach
    void start() throws IOException {
        upstream = new DnsFixture.Upstream();
        silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        upstreams = List.of(upstream.address());
        server = DnsServer.open(new InetSocketAddress("127.0.0.1", 0), DnsFixture.table(() -> upstreams),
                new Forwarder(4, Duration.ofMillis(300)));
        client = new DatagramSocket();
        client.setSoTimeout(5000);
        client.connect(server.address());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        client.close();
        upstream.close();
        silent.close();
    }

    private byte[] ask(String name, int type) throws IOException {
        return exchange(query(name, type));
    }

    private byte[] exchange(byte[] query) throws IOException {
        client.send(new DatagramPacket(query, query.length));
        byte[] buf = new byte[8192];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        client.receive(p);
        return Arrays.copyOf(buf, p.getLength());
    }

    @Test
    void closedServer_givesItsAddressBackAtOnce_forANetworkRecreatedOnTheSameGateway() throws IOException {
        InetSocketAddress address = server.address();
        // the receive loop is parked in receive() when close() runs
        for (int i = 0; i < 100; i++) {
            server.close();
            server = DnsServer.open(address, DnsFixture.table(() -> upstreams), new Forwarder(4, Duration.ofMillis(300)));
        }
        assertThat(rcode(ask("elsewhere", DnsMessage.TYPE_A))).isEqualTo(DnsMessage.NXDOMAIN);
    }

    @Test
    void containerName_getsItsARecords_withDockersTtl() throws IOException {
        byte[] r = ask("WEB", DnsMessage.TYPE_A);
        assertThat(rcode(r)).isEqualTo(DnsMessage.NOERROR);
        assertThat(answers(r)).isEqualTo(2);
        assertThat(lastAddress(r)).isEqualTo("10.0.0.6");
        assertThat(DnsMessage.u16(r, 0)).isEqualTo(DnsFixture.QUERY_ID);
        assertThat(DnsMessage.truncated(r)).isFalse();
    }

    @Test
    void answerOver512Bytes_keepsTheRecordsThatFit_andSetsTc_unlessTheClientsEdnsSizeTakesIt() throws IOException {
        byte[] r = ask("many", DnsMessage.TYPE_A);
        assertThat(r.length).isLessThanOrEqualTo(512);
        assertThat(DnsMessage.truncated(r)).isTrue();
        assertThat(answers(r)).isEqualTo((512 - 12 - 10) / 16);

        byte[] edns = exchange(query("many", DnsMessage.TYPE_A, 1232));
        assertThat(DnsMessage.truncated(edns)).isFalse();
        assertThat(answers(edns)).isEqualTo(40);
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
    void reverseNameOfAContainer_getsItsPtr_anUnknownAddressOfTheNetworkNxdomain_othersAreForwarded() throws IOException {
        byte[] r = ask("5.0.0.10.in-addr.arpa", DnsMessage.TYPE_PTR);
        assertThat(rcode(r)).isEqualTo(DnsMessage.NOERROR);
        assertThat(answers(r)).isEqualTo(1);
        assertThat(new String(r, r.length - 9, 9, StandardCharsets.ISO_8859_1))
                .isEqualTo("\u0003web\u0003net\u0000");
        assertThat(rcode(ask("99.0.0.10.in-addr.arpa", DnsMessage.TYPE_PTR))).isEqualTo(DnsMessage.NXDOMAIN);
        byte[] forwarded = ask("1.1.168.192.in-addr.arpa", DnsMessage.TYPE_PTR);
        assertThat(lastAddress(forwarded)).as("the UDP stub's answer").isEqualTo("42.42.42.42");
    }

    @Test
    void otherNames_areForwarded_andTheReplyRelayedAsIs() throws IOException {
        byte[] r = ask("example.com", DnsMessage.TYPE_A);
        assertThat(rcode(r)).isEqualTo(DnsMessage.NOERROR);
        assertThat(answers(r)).isEqualTo(1);
        assertThat(lastAddress(r)).as("over UDP, as asked").isEqualTo("42.42.42.42");
        assertThat(DnsMessage.u16(r, 0)).isEqualTo(DnsFixture.QUERY_ID);
    }

    @Test
    void silentUpstream_isSkipped_thenServfailWhenNoneAnswers() throws IOException {
        upstreams = List.of((InetSocketAddress) silent.getLocalSocketAddress(), upstream.address());
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
