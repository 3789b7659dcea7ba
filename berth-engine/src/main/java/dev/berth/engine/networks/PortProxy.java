package dev.berth.engine.networks;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.networks.dns.ListenerThreads;
import dev.berth.posix.PosixException;
import dev.berth.posix.TcpSockets;
import dev.berth.posix.TcpSockets.Shutdown;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * The userland proxy of one published TCP port: listens on {@code hostIp:hostPort} in the
 * daemon and forwards each connection to {@code containerIp:containerPort}. It works for
 * 127.0.0.1 without DNAT rules or {@code route_localnet}, and the port is closed the moment
 * the container stops (the proxy goes with it).
 *
 * <p>Bytes move by {@code splice(2)} socket to pipe to socket ({@link SplicedConnection}), as
 * docker-proxy does: they never enter the JVM. Sockets are FFM descriptors
 * ({@link TcpSockets}) because {@code splice} needs them; their calls block in the kernel, so
 * they run on platform threads: one per listener in {@code accept}, and per connection two
 * from a shared pool that keeps idle threads, so a short request starts no thread.
 */
final class PortProxy implements PortForwarder {

    private static final System.Logger LOG = System.getLogger("berthd.networks");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ACCEPT_BACKOFF = Duration.ofMillis(50);
    private static final int BACKLOG = 128;
    private static final ExecutorService IO = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("proxy-io-", 0).factory());

    private final int listener;
    private final int port;
    private final InetAddress target;
    private final int targetPort;
    private final Set<SplicedConnection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private PortProxy(int listener, int port, InetAddress target, int targetPort) {
        this.listener = listener;
        this.port = port;
        this.target = target;
        this.targetPort = targetPort;
        this.acceptor = Thread.ofPlatform().daemon().name("proxy-" + port).unstarted(this::acceptLoop);
    }

    /** Binds the host side (port 0: any free port) and starts accepting. */
    static PortProxy open(String hostIp, int hostPort, String containerIp, int containerPort) {
        InetAddress host = address(hostIp);
        InetAddress target = address(containerIp);
        int fd;
        try {
            fd = TcpSockets.listen(host, hostPort, BACKLOG);
        } catch (PosixException e) {
            if (!e.call().equals("bind")) {
                throw new SystemException("cannot listen on " + hostIp + ":" + hostPort + ": " + e.getMessage(), e);
            }
            throw new ConflictException("Bind for " + hostIp + ":" + hostPort + " failed: port is already allocated ("
                    + e.getMessage() + ")", e);
        }
        PortProxy proxy;
        try {
            proxy = new PortProxy(fd, TcpSockets.localPort(fd), target, containerPort);
        } catch (PosixException e) {
            closeQuietly(fd);
            throw new SystemException("cannot read the port bound on " + hostIp + ": " + e.getMessage(), e);
        }
        proxy.acceptor.start();
        return proxy;
    }

    @Override
    public int boundPort() {
        return port;
    }

    private void acceptLoop() {
        while (!closed) {
            int fd;
            try {
                fd = TcpSockets.accept(listener);
            } catch (PosixException e) {
                if (!closed) {
                    // out of descriptors or memory, most likely: let it pass rather than spin on it
                    LOG.log(System.Logger.Level.WARNING, "port proxy " + port + ": " + e.getMessage());
                    LockSupport.parkNanos(ACCEPT_BACKOFF.toNanos());
                }
                continue;
            }
            SplicedConnection connection = new SplicedConnection(fd);
            open.add(connection);
            IO.execute(() -> serve(connection));
        }
    }

    private void serve(SplicedConnection connection) {
        try {
            if (!connection.attach(TcpSockets.connect(target, targetPort, CONNECT_TIMEOUT))) {
                return;
            }
        } catch (PosixException e) {
            LOG.log(System.Logger.Level.DEBUG, "port proxy to " + target.getHostAddress() + ":" + targetPort + ": "
                    + e.getMessage());
            connection.fail();
            open.remove(connection);
            return;
        }
        IO.execute(() -> {
            connection.backward();
            forget(connection);
        });
        connection.forward();
        forget(connection);
    }

    private void forget(SplicedConnection connection) {
        if (connection.released()) {
            open.remove(connection);
        }
    }

    /**
     * Wakes the acceptor ({@code shutdown} makes a parked {@code accept} fail), waits for it,
     * and only then closes the listening descriptor: the port is free when this returns, and
     * no thread can use the descriptor's number after it was reused. Open connections are
     * shut down; their threads close them.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            TcpSockets.shutdown(listener, Shutdown.BOTH);
        } catch (PosixException e) {
            LOG.log(System.Logger.Level.DEBUG, "port proxy " + port + ": " + e.getMessage());
        }
        ListenerThreads.awaitEnd(acceptor);
        closeQuietly(listener);
        for (SplicedConnection c : open) {
            c.abort();
        }
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new ConflictException("Bind for " + ip + " failed: unknown address", e);
        }
    }

    private static void closeQuietly(int fd) {
        try {
            TcpSockets.close(fd);
        } catch (PosixException e) {
            // closing on the way out
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing on the way out
        }
    }
}
