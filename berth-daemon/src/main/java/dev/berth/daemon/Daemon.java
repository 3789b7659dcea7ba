package dev.berth.daemon;

import dev.berth.api.http.Headers;
import dev.berth.daemon.http.Router;
import dev.berth.daemon.http.ServerOptions;
import dev.berth.daemon.http.UnixHttpServer;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.daemon.router.ApiVersion;
import dev.berth.daemon.router.containers.ArchiveRoutes;
import dev.berth.daemon.router.containers.ContainerFilesystemRoutes;
import dev.berth.daemon.router.containers.ContainerStreamsRoutes;
import dev.berth.daemon.router.containers.ContainersRoutes;
import dev.berth.daemon.router.system.HostFacts;
import dev.berth.daemon.router.system.SystemRoutes;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A running berthd: the engine, the API server on its socket, and the pid file. Started by
 * {@link #start}; {@link #close()} (also run on SIGTERM/SIGINT) stops accepting requests,
 * stops running containers as dockerd does, releases their mounts and removes the socket
 * and pid file. State on disk is complete at every moment, so a SIGKILL loses nothing.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = System.getLogger("berthd");

    private final DaemonConfig config;
    private final Engine engine;
    private final UnixHttpServer server;
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);
    private final Thread shutdownHook;
    private boolean closed;

    private Daemon(DaemonConfig config, Engine engine, UnixHttpServer server) {
        this.config = config;
        this.engine = engine;
        this.server = server;
        this.shutdownHook = new Thread(this::close, "berthd-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Daemon start(DaemonConfig config) throws IOException {
        requireRoot();
        PidFile.claim(config.pidFile());
        Engine engine;
        try {
            engine = Engine.open(config);
        } catch (RuntimeException | IOException e) {
            PidFile.release(config.pidFile());
            throw e;
        }
        Router router = new Router();
        ApiRoutes routes = new ApiRoutes(router);
        Clock clock = Clock.systemUTC();
        for (ApiRoutes.Group group : List.of(
                new SystemRoutes(engine, HostFacts.read(config.dataRoot())),
                new ContainersRoutes(engine.containers(), clock, engine::healthOf),
                engine.containerControlRoutes(),
                new ContainerStreamsRoutes(engine.containers()),
                engine.imageRoutes(),
                engine.buildRoutes(),
                engine.volumeRoutes(),
                engine.networkRoutes(),
                engine.execRoutes(),
                new ArchiveRoutes(engine.containers()),
                new ContainerFilesystemRoutes(engine.containers()),
                engine.distributionRoutes(),
                engine.eventRoutes(),
                engine.resourceRoutes(),
                engine.diskUsageRoutes())) {
            group.register(routes);
        }
        ServerOptions options = ServerOptions.defaults().withDefaultHeaders(Daemon::defaultHeaders);
        UnixHttpServer server;
        try {
            server = UnixHttpServer.start(config.socket(), router, options);
        } catch (IOException | RuntimeException e) {
            engine.close();
            PidFile.release(config.pidFile());
            throw e;
        }
        LOG.log(Level.INFO, "berthd " + BerthVersion.VERSION + " listening on unix://" + config.socket()
                + " (data root " + config.dataRoot() + ", runtime " + engine.runtimeReason() + ")");
        return new Daemon(config, engine, server);
    }

    private static void defaultHeaders(Headers h) {
        h.set("Server", "Docker/" + BerthVersion.VERSION + " (linux) berth");
        h.set("Api-Version", ApiVersion.MAX);
        h.set("Ostype", "linux");
        h.set("Docker-Experimental", "false");
    }

    /** Returns when {@link #requestShutdown()} was called or the daemon was closed. */
    public void awaitShutdown() throws InterruptedException {
        shutdownRequested.await();
    }

    /** Asks {@link #awaitShutdown()} to return, so that the caller closes the daemon and exits 0. */
    public void requestShutdown() {
        shutdownRequested.countDown();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.log(Level.INFO, "shutting down");
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing the API socket: " + e.getMessage());
        }
        engine.close();
        PidFile.release(config.pidFile());
        LOG.log(Level.INFO, "stopped");
        shutdownRequested.countDown();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // called from within shutdown
            }
        }
    }

    private static void requireRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.split("\\s+");
                if (!"0".equals(ids[2])) {
                    throw new IOException("berthd needs to run as root (it mounts overlayfs and runs containers)");
                }
                return;
            }
        }
    }
}
