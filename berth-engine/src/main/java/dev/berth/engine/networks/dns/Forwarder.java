package dev.berth.engine.networks.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
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
 * other, and returns the first reply as is (same ID: the query is sent unchanged). At most
 * {@code maxInFlight} forwards run at once, so a flood of queries cannot pile up threads and
 * sockets in the daemon; beyond that, and when every upstream stays silent, the caller answers
 * SERVFAIL.
 */
public final class Forwarder {

    /** dockerd allows 1024 concurrent external queries; a smaller bound suits one daemon's bridges. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_REPLY = 65_535;

    private final Semaphore inFlight;
    private final Duration timeout;

    public Forwarder(int maxInFlight, Duration timeout) {
        this.inFlight = new Semaphore(maxInFlight);
        this.timeout = timeout;
    }

    /** The reply of the first upstream that answers; empty when none does or too many forwards run. */
    public Optional<byte[]> forward(byte[] query, int len, List<InetSocketAddress> upstreams) {
        if (upstreams.isEmpty() || !inFlight.tryAcquire()) {
            return Optional.empty();
        }
        try {
            for (InetSocketAddress upstream : upstreams) {
                Optional<byte[]> reply = ask(query, len, upstream);
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
}
