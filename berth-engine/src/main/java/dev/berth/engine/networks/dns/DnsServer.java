package dev.berth.engine.networks.dns;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One listener of the embedded DNS server, bound to one address (a user-defined network's
 * gateway, port 53) in the host's namespace, over UDP and TCP alike. Each query is answered from
 * the {@link NameTable} as the asking address sees it: a container name, alias or short ID gets
 * its A records (TTL {@value #TTL_SECONDS} s, dockerd's), other types for such a name get no
 * data; other single-label names get NXDOMAIN; the reverse name of a container address gets a PTR
 * record, of another address of the asker's networks NXDOMAIN; everything else is forwarded.
 * Non-IN classes and opcodes other than QUERY get NOTIMP, garbage FORMERR. A UDP answer that does
 * not fit in 512 bytes (or the client's EDNS size) keeps the records that fit and sets TC, so the
 * client asks again over TCP.
 *
 * <p>Lifecycle: {@link #open} binds both and starts their loops on virtual threads;
 * {@link #close} unbinds (the address is free again when it returns). UDP forwards run on their
 * own virtual threads, bounded by the {@link Forwarder}; a TCP connection forwards on its own.
 */
public final class DnsServer implements AutoCloseable {

    public static final int PORT = 53;
    public static final int TTL_SECONDS = 600;
    private static final System.Logger LOG = System.getLogger("berthd.dns");
    private static final int BIND_ATTEMPTS = 5;

    /**
     * How much TCP one listener takes.
     *
     * @param tcpConnections connections open at once; more are closed at once
     * @param tcpFirstRead   how long a new connection may take to send its first query
     * @param tcpIdle        how long an open connection may wait before its next query
     */
    public record Limits(int tcpConnections, Duration tcpFirstRead, Duration tcpIdle) {

        /** The read and idle timeouts of the Go DNS server dockerd's resolver runs on (2 s, 8 s). */
        public static final Limits DEFAULT = new Limits(64, Duration.ofSeconds(2), Duration.ofSeconds(8));
    }

    private final DatagramChannel channel;
    private final NameTable names;
    private final Forwarder forwarder;
    private final Thread loop;
    private final TcpListener tcp;

    private DnsServer(DatagramChannel channel, NameTable names, Forwarder forwarder, Limits limits) throws IOException {
        this.channel = channel;
        this.names = names;
        this.forwarder = forwarder;
        this.tcp = TcpListener.open(address(), limits, this::exchange);
        this.loop = Thread.ofVirtual().name("dns-" + channel.socket().getLocalSocketAddress()).start(this::serve);
    }

    /** Binds {@code address} over UDP and TCP (port 0: any port free for both, for tests) and starts answering. */
    public static DnsServer open(InetSocketAddress address, NameTable names, Forwarder forwarder) throws IOException {
        return open(address, names, forwarder, Limits.DEFAULT);
    }

    public static DnsServer open(InetSocketAddress address, NameTable names, Forwarder forwarder, Limits limits)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
            try {
                ch.bind(address);
                return new DnsServer(ch, names, forwarder, limits);
            } catch (BindException e) {
                ch.close();
                // port 0: the port UDP picked may be taken over TCP; another one may not be
                if (address.getPort() != 0 || attempt == BIND_ATTEMPTS) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
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
                handle(Arrays.copyOf(buf.array(), buf.position()), from);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "dns: " + e.getMessage());
            }
        }
    }

    /** A UDP message: answered here at once, or forwarded on a thread of its own (the loop must not wait). */
    private void handle(byte[] packet, InetSocketAddress from) throws IOException {
        switch (step(packet, from, Forwarder.Transport.UDP)) {
            case Step.Reply r -> reply(r.message(), from);
            case Step.Ignore i -> { }
            case Step.Forward f -> Thread.ofVirtual().start(() -> {
                try {
                    reply(forward(packet, f, Forwarder.Transport.UDP), from);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "dns reply to " + from + ": " + e.getMessage());
                }
            });
        }
    }

    /** A TCP message: its reply, forwards included (the connection's own thread waits). */
    private Optional<byte[]> exchange(byte[] message, InetSocketAddress from) {
        return switch (step(message, from, Forwarder.Transport.TCP)) {
            case Step.Reply r -> Optional.of(r.message());
            case Step.Ignore i -> Optional.empty();
            case Step.Forward f -> Optional.of(forward(message, f, Forwarder.Transport.TCP));
        };
    }

    private byte[] forward(byte[] message, Step.Forward f, Forwarder.Transport transport) {
        return forwarder.forward(message, message.length, f.upstreams(), transport)
                .orElseGet(() -> DnsMessage.error(f.query(), DnsMessage.SERVFAIL));
    }

    /** What to do with one message, either transport. */
    private sealed interface Step {
        record Reply(byte[] message) implements Step { }

        /** A reply sent to us, or too short to carry an ID: no answer at all. */
        record Ignore() implements Step { }

        record Forward(DnsMessage.Query query, List<InetSocketAddress> upstreams) implements Step { }
    }

    private Step step(byte[] message, InetSocketAddress from, Forwarder.Transport transport) {
        Optional<DnsMessage.Query> parsed = DnsMessage.parse(message, message.length);
        if (parsed.isEmpty()) {
            Optional<Integer> id = DnsMessage.id(message, message.length);
            if (id.isPresent() && message.length >= DnsMessage.HEADER && (message[2] & 0x80) == 0) {
                return new Step.Reply(DnsMessage.error(id.get(), DnsMessage.FORMERR));
            }
            return new Step.Ignore();
        }
        DnsMessage.Query q = parsed.get();
        if (q.isResponse()) {
            return new Step.Ignore();
        }
        int limit = transport == Forwarder.Transport.UDP ? q.udpSize() : DnsMessage.MAX_SIZE;
        Optional<byte[]> local = answer(q, from, limit);
        return local.<Step>map(Step.Reply::new)
                .orElseGet(() -> new Step.Forward(q, names.upstreams(from.getAddress())));
    }

    /** The local answer to {@code q}, at most {@code limit} bytes, or empty when it must be forwarded. */
    Optional<byte[]> answer(DnsMessage.Query q, InetSocketAddress from, int limit) {
        if (q.opcode() != 0 || q.qclass() != DnsMessage.CLASS_IN) {
            return Optional.of(DnsMessage.error(q, DnsMessage.NOTIMP));
        }
        Optional<List<Inet4Address>> ours = names.addresses(from.getAddress(), q.name());
        if (ours.isPresent()) {
            return Optional.of(DnsMessage.answer(q, q.type() == DnsMessage.TYPE_A ? ours.get() : List.of(),
                    TTL_SECONDS, limit));
        }
        Optional<Inet4Address> reversed = ReverseName.address(q.name());
        if (reversed.isPresent()) {
            return names.hosts(from.getAddress(), reversed.get()).map(hosts -> pointer(q, hosts));
        }
        if (!q.name().contains(".")) {
            // a single label is a container name or nothing: other networks' names stay unknown
            return Optional.of(DnsMessage.error(q, DnsMessage.NXDOMAIN));
        }
        return Optional.empty();
    }

    /** The reply to the reverse name of an address of the asker's networks. */
    private static byte[] pointer(DnsMessage.Query q, List<String> hosts) {
        List<String> named = hosts.stream().filter(DnsMessage::encodable).toList();
        if (named.isEmpty()) {
            return DnsMessage.error(q, DnsMessage.NXDOMAIN);
        }
        return q.type() == DnsMessage.TYPE_PTR ? DnsMessage.pointers(q, named, TTL_SECONDS)
                : DnsMessage.answer(q, List.of(), TTL_SECONDS);
    }

    private void reply(byte[] out, InetSocketAddress to) throws IOException {
        channel.send(ByteBuffer.wrap(out), to);
    }

    @Override
    public void close() {
        tcp.close();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "dns close: " + e.getMessage());
        }
        loop.interrupt();
        // the channel keeps its address until the receiving virtual thread wakes up and leaves:
        // a network re-created at once on the same gateway must be able to bind it again
        ListenerThreads.awaitEnd(loop);
    }
}
