package dev.berth.daemon.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server on a UNIX-domain socket: accepts on one platform thread and serves each
 * connection on its own virtual thread with blocking I/O.
 *
 * <p>Lifecycle: {@link #start} binds the socket (replacing a stale socket file, refusing when a
 * live server still answers on it) with mode 0660 and starts accepting; {@link #close()} stops
 * accepting, closes every live connection (hijacked ones included) and deletes the socket file.
 * Idle and slow clients are cut off per {@link ServerOptions}.
 */
public final class UnixHttpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(UnixHttpServer.class.getName());

    private final Path socketPath;
    private final HttpHandler handler;
    private final ServerOptions options;
    private final ServerSocketChannel listener;
    private final Set<ServerConnection> live = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor watchdog;
    private final AtomicLong connections = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closing;

    private UnixHttpServer(Path socketPath, HttpHandler handler, ServerOptions options, ServerSocketChannel listener) {
        this.socketPath = socketPath;
        this.handler = handler;
        this.options = options;
        this.listener = listener;
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "berth-http-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.setRemoveOnCancelPolicy(true);
        this.acceptor = Thread.ofPlatform().name("berth-http-accept").daemon(true).unstarted(this::acceptLoop);
    }

    /**
     * Binds {@code socketPath} and starts serving with {@code handler}.
     *
     * @throws IOException if the path is a directory, another server answers on it, or binding fails
     */
    public static UnixHttpServer start(Path socketPath, HttpHandler handler, ServerOptions options)
            throws IOException {
        Objects.requireNonNull(handler);
        Objects.requireNonNull(options);
        Path path = socketPath.toAbsolutePath();
        ServerSocketChannel listener = bind(path);
        UnixHttpServer server = new UnixHttpServer(path, handler, options, listener);
        server.acceptor.start();
        return server;
    }

    public Path socketPath() {
        return socketPath;
    }

    /** Connections currently open (including hijacked ones). */
    public int liveConnections() {
        return live.size();
    }

    boolean isClosing() {
        return closing;
    }

    void forget(ServerConnection connection) {
        live.remove(connection);
    }

    @Override
    public void close() throws IOException {
        closing = true;
        listener.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ServerConnection c : List.copyOf(live)) {
            c.close();
        }
        watchdog.shutdownNow();
        Files.deleteIfExists(socketPath);
    }

    private void acceptLoop() {
        while (!closing) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                LOG.log(Level.WARNING, "accept failed", e);
                continue;
            }
            ServerConnection connection = new ServerConnection(channel, this, handler, options, watchdog);
            live.add(connection);
            if (closing) {
                connection.close();
                return;
            }
            Thread.ofVirtual().name("berth-http-" + connections.incrementAndGet()).start(connection);
        }
    }

    /**
     * Binds under a temporary name, sets mode 0660, then renames onto {@code path}: the socket
     * never appears at its public path with the umask's looser mode, and a stale file is
     * replaced atomically.
     */
    private static ServerSocketChannel bind(Path path) throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + " is a directory");
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && answers(path)) {
            throw new IOException("another server is listening on " + path);
        }
        Path temp = dir.resolve(".berth-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".sock");
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            listener.bind(UnixDomainSocketAddress.of(temp));
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-rw----"));
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return listener;
        } catch (IOException | RuntimeException e) {
            listener.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static boolean answers(Path path) {
        try (SocketChannel _ = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
