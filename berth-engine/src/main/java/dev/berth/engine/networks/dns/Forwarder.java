package dev.berth.engine.networks.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Relays a query for a name that is not a container's to upstream resolvers, one after the
 * other, and returns the first reply as is (same ID: the query is sent unchanged). The query
 * goes upstream over the transport the client used, as dockerd's resolver does: a UDP client
 * gets the upstream's UDP reply, TC bit included, and retries over TCP if it was cut short; a
 * TCP client's query goes over TCP, whose replies are never cut. At most
 * {@code maxInFlight} forwards run at once, so a flood of queries cannot pile up threads and
 * sockets in the daemon; beyond that, and when every upstream stays silent, the caller answers
 * SERVFAIL.
 */
public final class Forwarder {

    /** dockerd allows 1024 concurrent external queries; a smaller bound suits one daemon's bridges. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_REPLY = 65_535;

    /** How a query reached the server, and so how it goes upstream. */
    public enum Transport { UDP, TCP }

    private final Semaphore inFlight;
    private final Duration timeout;

    public Forwarder(int maxInFlight, Duration timeout) {
        this.inFlight = new Semaphore(maxInFlight);
        this.timeout = timeout;
    }

    /** The reply of the first upstream that answers; empty when none does or too many forwards run. */
    public Optional<byte[]> forward(byte[] query, int len, List<InetSocketAddress> upstreams, Transport transport) {
        if (upstreams.isEmpty() || !inFlight.tryAcquire()) {
            return Optional.empty();
        }
        try {
            for (InetSocketAddress upstream : upstreams) {
                Optional<byte[]> reply = switch (transport) {
                    case UDP -> ask(query, len, upstream);
                    case TCP -> askOverTcp(Arrays.copyOf(query, len), upstream);
                };
                if (reply.isPresent()) {
                    return reply;
                }
            }
            return Optional.empty();
        } finally {
            inFlight.release();
        }
    }

    private Optional<byte[]> ask(byte[] query, int len, InetSocketAddress upstream) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.connect(upstream);
            socket.send(new DatagramPacket(query, len));
            byte[] buf = new byte[MAX_REPLY];
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                DatagramPacket reply = new DatagramPacket(buf, buf.length);
                socket.receive(reply);
                // a stray datagram with another ID is not our answer: keep waiting
                if (reply.getLength() >= 2 && DnsMessage.u16(buf, 0) == DnsMessage.u16(query, 0)) {
                    return Optional.of(Arrays.copyOf(buf, reply.getLength()));
                }
            }
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** One query on a connection of its own: connect, send, read one reply, all within the timeout. */
    private Optional<byte[]> askOverTcp(byte[] query, InetSocketAddress upstream) {
        int millis = (int) timeout.toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(upstream, millis);
            socket.setSoTimeout(millis);
            socket.getOutputStream().write(TcpFrames.frame(query));
            Optional<byte[]> reply = TcpFrames.read(socket.getInputStream());
            return reply.filter(r -> r.length >= 2 && DnsMessage.u16(r, 0) == DnsMessage.u16(query, 0));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
