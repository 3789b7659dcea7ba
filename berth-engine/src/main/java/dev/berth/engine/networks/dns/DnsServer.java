package dev.berth.engine.networks.dns;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One UDP listener of the embedded DNS server, bound to one address (a user-defined network's
 * gateway, port 53) in the host's namespace. Each query is answered from the {@link NameTable}
 * as the asking address sees it: a container name, alias or short ID gets its A records (TTL
 * {@value #TTL_SECONDS} s, dockerd's), other types for such a name get no data; other single-label
 * names get NXDOMAIN; everything else is forwarded. Non-IN classes and opcodes other than QUERY
 * get NOTIMP, garbage FORMERR.
 *
 * <p>Lifecycle: {@link #open} binds and starts the receive loop on a virtual thread;
 * {@link #close} unbinds (the address is free again when it returns). Forwards run on their own virtual threads, bounded by the
 * {@link Forwarder}.
 */
public final class DnsServer implements AutoCloseable {

    public static final int PORT = 53;
    public static final int TTL_SECONDS = 600;
    private static final System.Logger LOG = System.getLogger("berthd.dns");
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(5);

    private final DatagramChannel channel;
    private final NameTable names;
    private final Forwarder forwarder;
    private final Thread loop;

    private DnsServer(DatagramChannel channel, NameTable names, Forwarder forwarder) {
        this.channel = channel;
        this.names = names;
        this.forwarder = forwarder;
        this.loop = Thread.ofVirtual().name("dns-" + channel.socket().getLocalSocketAddress()).start(this::serve);
    }

    /** Binds {@code address} (port 0: any free one, for tests) and starts answering. */
    public static DnsServer open(InetSocketAddress address, NameTable names, Forwarder forwarder) throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            ch.bind(address);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new DnsServer(ch, names, forwarder);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.socket().getLocalSocketAddress();
    }

    private void serve() {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (channel.isOpen()) {
            try {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buf);
                byte[] packet = java.util.Arrays.copyOf(buf.array(), buf.position());
                handle(packet, from);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "dns: " + e.getMessage());
            }
        }
    }

    private void handle(byte[] packet, InetSocketAddress from) throws IOException {
        Optional<DnsMessage.Query> parsed = DnsMessage.parse(packet, packet.length);
        if (parsed.isEmpty()) {
            Optional<Integer> id = DnsMessage.id(packet, packet.length);
            if (id.isPresent() && packet.length >= DnsMessage.HEADER && (packet[2] & 0x80) == 0) {
                reply(DnsMessage.error(id.get(), DnsMessage.FORMERR), from);
            }
            return;
        }
        DnsMessage.Query q = parsed.get();
        if (q.isResponse()) {
            return;
        }
        Optional<byte[]> local = answer(q, from);
        if (local.isPresent()) {
            reply(local.get(), from);
            return;
        }
        List<InetSocketAddress> upstreams = names.upstreams(from.getAddress());
        Thread.ofVirtual().start(() -> {
            byte[] out = forwarder.forward(packet, packet.length, upstreams)
                    .orElseGet(() -> DnsMessage.error(q, DnsMessage.SERVFAIL));
            try {
                reply(out, from);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "dns reply to " + from + ": " + e.getMessage());
            }
        });
    }

    /** The local answer to {@code q}, or empty when it must be forwarded. */
    Optional<byte[]> answer(DnsMessage.Query q, InetSocketAddress from) {
        if (q.opcode() != 0 || q.qclass() != DnsMessage.CLASS_IN) {
            return Optional.of(DnsMessage.error(q, DnsMessage.NOTIMP));
        }
        Optional<List<Inet4Address>> ours = names.addresses(from.getAddress(), q.name());
        if (ours.isPresent()) {
            return Optional.of(DnsMessage.answer(q, q.type() == DnsMessage.TYPE_A ? ours.get() : List.of(), TTL_SECONDS));
        }
        if (!q.name().contains(".")) {
            // a single label is a container name or nothing: other networks' names stay unknown
            return Optional.of(DnsMessage.error(q, DnsMessage.NXDOMAIN));
        }
        return Optional.empty();
    }

    private void reply(byte[] out, InetSocketAddress to) throws IOException {
        channel.send(ByteBuffer.wrap(out), to);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "dns close: " + e.getMessage());
        }
        loop.interrupt();
        // the channel keeps its address until the receiving virtual thread wakes up and leaves:
        // a network re-created at once on the same gateway must be able to bind it again
        try {
            loop.join(RELEASE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
