package dev.berth.engine.networks.dns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * What the server tests share: queries as a client writes them, a name table, and an upstream
 * stub on loopback answering over UDP with 42.42.42.42 and over TCP (same port) with 43.43.43.43,
 * so a test sees which way a forward went.
 */
final class DnsFixture {

    static final int QUERY_ID = 0x7701;

    private DnsFixture() {
    }

    static Inet4Address v4(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A query with RD; {@code ednsSize} > 0 adds an OPT record advertising it. */
    static byte[] query(String name, int type, int ednsSize) {
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        q.writeBytes(new byte[] {0x77, 0x01, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, (byte) (ednsSize > 0 ? 1 : 0)});
        for (String label : name.split("\\.")) {
            q.write(label.length());
            q.writeBytes(label.getBytes());
        }
        q.writeBytes(new byte[] {0, 0, (byte) type, 0, 1});
        if (ednsSize > 0) {
            q.writeBytes(new byte[] {0, 0, 41, (byte) (ednsSize >> 8), (byte) ednsSize, 0, 0, 0, 0, 0, 0});
        }
        return q.toByteArray();
    }

    static byte[] query(String name, int type) {
        return query(name, type, 0);
    }

    static int rcode(byte[] r) {
        return r[3] & 0xF;
    }

    static int answers(byte[] r) {
        return DnsMessage.u16(r, 6);
    }

    /** The last four bytes: the address of the last A record. */
    static String lastAddress(byte[] r) {
        return (r[r.length - 4] & 0xFF) + "." + (r[r.length - 3] & 0xFF) + "." + (r[r.length - 2] & 0xFF) + "."
                + (r[r.length - 1] & 0xFF);
    }

    /**
     * web and web.alias: 10.0.0.5 and .6; many: 40 addresses (more than 512 bytes of answers);
     * in 10.0.0.0/24, .5 is web.net, others no one; other addresses are not the asker's.
     */
    static NameTable table(Supplier<List<InetSocketAddress>> upstreams) {
        return new NameTable() {
            @Override
            public Optional<List<Inet4Address>> addresses(InetAddress asker, String name) {
                return switch (name) {
                    case "web", "web.alias" -> Optional.of(List.of(v4("10.0.0.5"), v4("10.0.0.6")));
                    case "many" -> Optional.of(IntStream.range(0, 40).mapToObj(i -> v4("10.0.1." + i)).toList());
                    default -> Optional.empty();
                };
            }

            @Override
            public Optional<List<String>> hosts(InetAddress asker, Inet4Address address) {
                byte[] a = address.getAddress();
                if (a[0] != 10 || a[1] != 0 || a[2] != 0) {
                    return Optional.empty();
                }
                return Optional.of(a[3] == 5 ? List.of("web.net") : List.of());
            }

            @Override
            public List<InetSocketAddress> upstreams(InetAddress asker) {
                return upstreams.get();
            }
        };
    }

    /** The upstream stub: UDP and TCP on one loopback port, each on a virtual thread, until closed. */
    static final class Upstream implements AutoCloseable {

        private final DatagramSocket udp;
        private final ServerSocket tcp;

        Upstream() throws IOException {
            DatagramSocket u = null;
            ServerSocket t = null;
            for (int attempt = 0; t == null; attempt++) {
                u = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                try {
                    t = new ServerSocket(u.getLocalPort(), 8, InetAddress.getByName("127.0.0.1"));
                } catch (IOException e) {
                    u.close();
                    if (attempt == 4) {
                        throw e;
                    }
                }
            }
            udp = u;
            tcp = t;
            Thread.ofVirtual().start(this::answerUdp);
            Thread.ofVirtual().start(this::answerTcp);
        }

        InetSocketAddress address() {
            return (InetSocketAddress) udp.getLocalSocketAddress();
        }

        private static byte[] answer(byte[] buf, int len, String address) {
            var q = DnsMessage.parse(buf, len).orElseThrow();
            return DnsMessage.answer(q, List.of(v4(address)), 30);
        }

        private void answerUdp() {
            byte[] buf = new byte[512];
            while (!udp.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    udp.receive(p);
                    byte[] r = answer(buf, p.getLength(), "42.42.42.42");
                    udp.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void answerTcp() {
            while (!tcp.isClosed()) {
                try (Socket s = tcp.accept()) {
                    byte[] q = TcpFrames.read(s.getInputStream()).orElseThrow();
                    s.getOutputStream().write(TcpFrames.frame(answer(q, q.length, "43.43.43.43")));
                } catch (IOException e) {
                    if (tcp.isClosed()) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            udp.close();
            tcp.close();
        }
    }
}
