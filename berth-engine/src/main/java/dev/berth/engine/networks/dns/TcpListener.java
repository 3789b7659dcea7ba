package dev.berth.engine.networks.dns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The TCP side of one {@link DnsServer} (RFC 7766): accepts connections on the server's address
 * and reads length-prefixed queries from each, answering one before reading the next (as
 * dockerd's resolver does; a client that sends several at once gets the replies in order). A
 * connection waits {@link DnsServer.Limits#tcpFirstRead} for its first query and
 * {@link DnsServer.Limits#tcpIdle} for each further one, then is closed. Beyond
 * {@link DnsServer.Limits#tcpConnections} open at once a new connection is closed at once (the
 * client tries again), so a flood cannot pile up threads and descriptors in the daemon.
 */
final class TcpListener implements AutoCloseable {

    /** The reply to one query from {@code from}; empty: none (the message was a reply itself). Blocks while forwarding. */
    interface Exchange {
        Optional<byte[]> reply(byte[] query, InetSocketAddress from);
    }

    private static final System.Logger LOG = System.getLogger("berthd.dns");

    private final ServerSocketChannel server;
    private final DnsServer.Limits limits;
    private final Exchange exchange;
    private final Semaphore slots;
    private final Map<Socket, Thread> connections = new ConcurrentHashMap<>();
    private final Thread loop;

    private TcpListener(ServerSocketChannel server, DnsServer.Limits limits, Exchange exchange) throws IOException {
        this.server = server;
        this.limits = limits;
        this.exchange = exchange;
        this.slots = new Semaphore(limits.tcpConnections());
        this.loop = Thread.ofVirtual().name("dns-tcp-" + server.getLocalAddress()).start(this::accept);
    }

    /** Listens on {@code address}, its port given (the UDP listener's), and starts accepting. */
    static TcpListener open(InetSocketAddress address, DnsServer.Limits limits, Exchange exchange) throws IOException {
        // IPv4 as the UDP side: a dual-stack socket would listen on ::ffff:<gateway>
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.INET);
        try {
            // connections of a closed listener may linger in TIME_WAIT: they must not keep a re-created one out
            s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            s.bind(address, limits.tcpConnections());
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return new TcpListener(s, limits, exchange);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                // the adaptor of a blocking channel: its streams honour SO_TIMEOUT
                Socket socket = server.accept().socket();
                if (!slots.tryAcquire()) {
                    socket.close();
                    continue;
                }
                Thread t = Thread.ofVirtual().unstarted(() -> serve(socket));
                connections.put(socket, t);
                t.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (server.isOpen()) {
                    LOG.log(System.Logger.Level.DEBUG, "dns tcp accept: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        InetSocketAddress from = (InetSocketAddress) socket.getRemoteSocketAddress();
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            socket.setSoTimeout((int) limits.tcpFirstRead().toMillis());
            Optional<byte[]> query;
            while ((query = TcpFrames.read(in)).isPresent()) {
                Optional<byte[]> reply = exchange.reply(query.get(), from);
                if (reply.isPresent()) {
                    out.write(TcpFrames.frame(reply.get()));
                }
                socket.setSoTimeout((int) limits.tcpIdle().toMillis());
            }
        } catch (SocketTimeoutException e) {
            // idle: closing is how a server ends a connection (RFC 7766 6.2.3)
        } catch (SocketException e) {
            // closed by us (close) or reset by the client: nothing to answer
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "dns tcp " + from + ": " + e.getMessage());
        } finally {
            connections.remove(socket);
            slots.release();
        }
    }

    /**
     * Stops listening and ends every connection. The port is free when this returns: a socket
     * closed while a virtual thread waits on it keeps its descriptor until that thread wakes and
     * leaves, so the accept loop and the connections are joined.
     */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "dns tcp close: " + e.getMessage());
        }
        ListenerThreads.awaitEnd(loop);
        // no connection is added once the accept loop has left
        List<Map.Entry<Socket, Thread>> open = List.copyOf(connections.entrySet());
        for (Map.Entry<Socket, Thread> c : open) {
            try {
                c.getKey().close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "dns tcp close: " + e.getMessage());
            }
        }
        open.forEach(c -> ListenerThreads.awaitEnd(c.getValue()));
    }
}
