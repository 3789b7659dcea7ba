package dev.berth.engine.networks.dns;

import static dev.berth.engine.networks.dns.DnsFixture.answers;
import static dev.berth.engine.networks.dns.DnsFixture.lastAddress;
import static dev.berth.engine.networks.dns.DnsFixture.query;
import static dev.berth.engine.networks.dns.DnsFixture.rcode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same server asked over TCP: framing, several queries per connection, limits, close. */
class DnsServerTcpTest {

    private static final DnsServer.Limits TIGHT = new DnsServer.Limits(2, Duration.ofSeconds(5), Duration.ofMillis(300));

    private DnsFixture.Upstream upstream;
    private DnsServer server;
    private final List<Socket> clients = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        upstream = new DnsFixture.Upstream();
        server = open(new InetSocketAddress("127.0.0.1", 0));
    }

    private DnsServer open(InetSocketAddress address) throws IOException {
        List<InetSocketAddress> upstreams = List.of(upstream.address());
        return DnsServer.open(address, DnsFixture.table(() -> upstreams), new Forwarder(4, Duration.ofSeconds(2)), TIGHT);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        for (Socket c : clients) {
            c.close();
        }
        upstream.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        clients.add(s);
        s.connect(server.address(), 5000);
        s.setSoTimeout(5000);
        return s;
    }

    private static byte[] exchange(Socket s, byte[] query) throws IOException {
        s.getOutputStream().write(TcpFrames.frame(query));
        return TcpFrames.read(s.getInputStream()).orElseThrow();
    }

    /** Whether the server ended the connection: end of stream, or a reset. */
    private static boolean closedByServer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true;
        }
    }

    @Test
    void severalQueriesOnOneConnection_areAnsweredInTurn_localPtrAndForwardedOverTcp() throws IOException {
        Socket s = connect();
        byte[] web = exchange(s, query("web", DnsMessage.TYPE_A));
        assertThat(answers(web)).isEqualTo(2);
        assertThat(lastAddress(web)).isEqualTo("10.0.0.6");

        byte[] many = exchange(s, query("many", DnsMessage.TYPE_A));
        assertThat(answers(many)).as("no 512-byte limit over TCP").isEqualTo(40);
        assertThat(DnsMessage.truncated(many)).isFalse();

        assertThat(answers(exchange(s, query("5.0.0.10.in-addr.arpa", DnsMessage.TYPE_PTR)))).isEqualTo(1);
        assertThat(rcode(exchange(s, query("99.0.0.10.in-addr.arpa", DnsMessage.TYPE_PTR))))
                .isEqualTo(DnsMessage.NXDOMAIN);

        byte[] forwarded = exchange(s, query("example.com", DnsMessage.TYPE_A));
        assertThat(lastAddress(forwarded)).as("the stub's TCP answer: forwarded over TCP").isEqualTo("43.43.43.43");
        assertThat(DnsMessage.u16(forwarded, 0)).isEqualTo(DnsFixture.QUERY_ID);
    }

    @Test
    void queriesSentTogether_getTheirRepliesInOrder() throws IOException {
        Socket s = connect();
        java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
        both.writeBytes(TcpFrames.frame(query("elsewhere", DnsMessage.TYPE_A)));
        both.writeBytes(TcpFrames.frame(query("web", DnsMessage.TYPE_A)));
        s.getOutputStream().write(both.toByteArray());
        assertThat(rcode(TcpFrames.read(s.getInputStream()).orElseThrow())).isEqualTo(DnsMessage.NXDOMAIN);
        assertThat(answers(TcpFrames.read(s.getInputStream()).orElseThrow())).isEqualTo(2);
    }

    @Test
    void idleConnection_isClosedByTheServer() throws IOException {
        Socket s = connect();
        assertThat(answers(exchange(s, query("web", DnsMessage.TYPE_A)))).isEqualTo(2);
        // the next read blocks until the idle timeout (300 ms) ends the connection
        assertThat(closedByServer(s)).isTrue();
    }

    @Test
    void connectionsBeyondTheLimit_areClosedAtOnce_andAFreedSlotServesAgain() throws IOException {
        Socket first = connect();
        Socket second = connect();
        exchange(first, query("web", DnsMessage.TYPE_A));
        exchange(second, query("web", DnsMessage.TYPE_A));
        assertThat(closedByServer(connect())).as("a third connection while two are open").isTrue();

        first.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        byte[] reply = null;
        while (reply == null && System.nanoTime() < deadline) {
            try {
                reply = exchange(connect(), query("web", DnsMessage.TYPE_A));
            } catch (IOException e) {
                // the closed connection's slot is released when its thread has left
            }
        }
        assertThat(reply).isNotNull();
        assertThat(answers(reply)).isEqualTo(2);
    }

    @Test
    void garbage_getsFormerr_overTcpToo() throws IOException {
        byte[] r = exchange(connect(), new byte[] {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0x3f});
        assertThat(rcode(r)).isEqualTo(DnsMessage.FORMERR);
    }

    @Test
    void closedServer_givesItsTcpPortBackAtOnce_andEndsItsConnections() throws IOException {
        InetSocketAddress address = server.address();
        for (int i = 0; i < 50; i++) {
            // a connection waiting for its next query and the accept loop are both parked when close() runs
            Socket open = connect();
            exchange(open, query("web", DnsMessage.TYPE_A));
            server.close();
            assertThat(closedByServer(open)).isTrue();
            server = open(address);
        }
        assertThat(answers(exchange(connect(), query("web", DnsMessage.TYPE_A)))).isEqualTo(2);
    }
}
