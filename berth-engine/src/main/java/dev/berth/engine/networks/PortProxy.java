package dev.berth.engine.networks;

import dev.berth.engine.error.ConflictException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The userland proxy of one published TCP port: listens on {@code hostIp:hostPort} in the
 * daemon and forwards each connection to {@code containerIp:containerPort}, one virtual
 * thread per direction. It works for 127.0.0.1 without DNAT rules or {@code route_localnet},
 * and the port is closed the moment the container stops (the proxy goes with it).
 */
final class PortProxy implements PortForwarder {

    private static final System.Logger LOG = System.getLogger("berthd.networks");
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private PortProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
        this.acceptor = Thread.ofVirtual().name("proxy-" + server.getLocalPort()).unstarted(this::acceptLoop);
    }

    /** Binds the host side (port 0: any free port) and starts accepting. */
    static PortProxy open(String hostIp, int hostPort, String containerIp, int containerPort) {
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(hostIp), hostPort), 128);
        } catch (IOException e) {
            closeQuietly(server);
            throw new ConflictException("Bind for " + hostIp + ":" + hostPort + " failed: port is already allocated ("
                    + e.getMessage() + ")", e);
        }
        PortProxy proxy = new PortProxy(server, new InetSocketAddress(containerIp, containerPort));
        proxy.acceptor.start();
        return proxy;
    }

    @Override
    public int boundPort() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "port proxy accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = new Socket();
        open.add(client);
        open.add(upstream);
        try {
            upstream.connect(target, CONNECT_TIMEOUT_MS);
            Thread back = Thread.ofVirtual().start(() -> pipe(upstream, client));
            pipe(client, upstream);
            back.join();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "port proxy to " + target + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
            open.remove(upstream);
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    /** Copies until EOF, then half-closes the other side so request/response protocols finish. */
    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        for (Socket s : open) {
            closeQuietly(s);
        }
        PortForwarder.awaitReleased(acceptor);
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
