package dev.berth.engine.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.ConflictException;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The userland proxies on loopback: they forward, and a closed one gives its host port back at
 * once, so that moving a container's published ports to a new address can bind the same port.
 */
class PortForwarderTest {

    private static final String LOOPBACK = "127.0.0.1";

    private ServerSocket tcpBackend;
    private DatagramSocket udpBackend;
    private final java.util.concurrent.atomic.AtomicInteger tcpAccepted = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void startBackends() throws IOException {
        tcpBackend = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK));
        Thread.ofVirtual().start(this::serveTcp);
        udpBackend = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        Thread.ofVirtual().start(this::serveUdp);
    }

    @AfterEach
    void stopBackends() throws IOException {
        tcpBackend.close();
        udpBackend.close();
    }

    /** Answers each connection with "pong-" and what it read until EOF. */
    private void serveTcp() {
        while (!tcpBackend.isClosed()) {
            try (Socket s = tcpBackend.accept()) {
                tcpAccepted.incrementAndGet();
                byte[] got = s.getInputStream().readAllBytes();
                s.getOutputStream().write(("pong-" + new String(got, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // closed at the end of the test
            }
        }
    }

    private void serveUdp() {
        byte[] buffer = new byte[1024];
        while (!udpBackend.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                udpBackend.receive(p);
                byte[] reply = ("pong-" + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                udpBackend.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
            } catch (IOException e) {
                // closed at the end of the test
            }
        }
    }

    private PortForwarder tcp(int hostPort) {
        return PortForwarder.open(new PortRequest(LOOPBACK, hostPort, hostPort, tcpBackend.getLocalPort(), "tcp"), LOOPBACK);
    }

    private PortForwarder udp(int hostPort) {
        return PortForwarder.open(new PortRequest(LOOPBACK, hostPort, hostPort, udpBackend.getLocalPort(), "udp"), LOOPBACK);
    }

    private static String askTcp(int port, String message) throws IOException {
        try (Socket s = new Socket(LOOPBACK, port)) {
            s.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String askUdp(int port, String message) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(5_000);
            byte[] out = message.getBytes(StandardCharsets.UTF_8);
            s.send(new DatagramPacket(out, out.length, new InetSocketAddress(LOOPBACK, port)));
            byte[] buffer = new byte[1024];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            s.receive(reply);
            return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void tcpProxy_forwardsBothWaysAndHalfCloses() throws IOException {
        try (PortForwarder proxy = tcp(0)) {
            assertThat(askTcp(proxy.boundPort(), "ping")).isEqualTo("pong-ping");
        }
    }

    @Test
    void tcpProxy_movesMiBsUnchangedBothWays() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 6 * 1024 * 1024; i++) {
            big.append(i).append(',');
        }
        try (PortForwarder proxy = tcp(0)) {
            assertThat(askTcp(proxy.boundPort(), big.toString())).isEqualTo("pong-" + big);
        }
    }

    @Test
    void tcpProxy_onTheWildcardAddress_answersOnLoopback() throws IOException {
        PortRequest any = new PortRequest("0.0.0.0", 0, 0, tcpBackend.getLocalPort(), "tcp");
        try (PortForwarder proxy = PortForwarder.open(any, LOOPBACK)) {
            assertThat(askTcp(proxy.boundPort(), "ping")).isEqualTo("pong-ping");
        }
    }

    @Test
    void tcpProxy_servesConnectionsSideBySide() throws Exception {
        try (PortForwarder proxy = tcp(0); var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 50; i++) {
                String message = "m" + i;
                answers.add(pool.submit(() -> askTcp(proxy.boundPort(), message)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("pong-m" + i);
            }
        }
    }

    @Test
    void tcpProxy_toAContainerNotListening_closesTheClientsConnection() throws IOException {
        int refused;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            refused = gone.getLocalPort();
        }
        try (PortForwarder proxy = PortForwarder.open(new PortRequest(LOOPBACK, 0, 0, refused, "tcp"), LOOPBACK);
                Socket s = new Socket(LOOPBACK, proxy.boundPort())) {
            s.setSoTimeout(10_000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void closedTcpProxy_closesItsOpenConnections() throws IOException {
        PortForwarder proxy = tcp(0);
        try (Socket s = new Socket(LOOPBACK, proxy.boundPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("held open".getBytes(StandardCharsets.UTF_8));
            // the backend answers only at EOF, which never comes: the client waits until the proxy goes
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (tcpAccepted.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(tcpAccepted.get()).as("the proxy reached the backend").isEqualTo(1);
            proxy.close();
            assertThat(readUntilClosed(s.getInputStream())).isEqualTo(-1);
        }
    }

    /** -1 when the peer closed or reset the connection, else the byte read. */
    private static int readUntilClosed(InputStream in) {
        try {
            return in.read();
        } catch (java.net.SocketException reset) {
            return -1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void udpProxy_sendsTheRepliesBackToTheClient() throws IOException {
        try (PortForwarder proxy = udp(0)) {
            assertThat(askUdp(proxy.boundPort(), "ping")).isEqualTo("pong-ping");
        }
    }

    @Test
    void aBoundPortIsRefusedWithDockerdsMessage() {
        try (PortForwarder first = tcp(0)) {
            assertThatThrownBy(() -> tcp(first.boundPort()))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("port is already allocated");
        }
    }

    @Test
    void closedTcpProxy_givesItsPortBackAtOnce() throws IOException {
        PortForwarder proxy = tcp(0);
        int port = proxy.boundPort();
        // a re-publish closes and re-binds with no pause in between; the listener is parked in accept
        for (int i = 0; i < 200; i++) {
            proxy.close();
            proxy = tcp(port);
        }
        try (PortForwarder last = proxy) {
            assertThat(askTcp(last.boundPort(), "again")).isEqualTo("pong-again");
        }
    }

    @Test
    void closedUdpProxy_givesItsPortBackAtOnce() throws IOException {
        PortForwarder proxy = udp(0);
        int port = proxy.boundPort();
        for (int i = 0; i < 200; i++) {
            proxy.close();
            proxy = udp(port);
        }
        try (PortForwarder last = proxy) {
            assertThat(askUdp(last.boundPort(), "again")).isEqualTo("pong-again");
        }
    }
}
