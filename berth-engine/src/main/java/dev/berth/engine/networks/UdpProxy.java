package dev.berth.engine.networks;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.networks.dns.ListenerThreads;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The userland proxy of one published UDP port, as docker-proxy's: a datagram socket on
 * {@code hostIp:hostPort}; each client address gets its own socket connected to the container
 * (so replies find their way back), closed after {@link #IDLE_MS} without traffic.
 */
final class UdpProxy implements PortForwarder {

    private static final System.Logger LOG = System.getLogger("berthd.networks");
    /** docker-proxy's UDP connection timeout. */
    static final int IDLE_MS = 90_000;
    private static final int MAX_DATAGRAM = 65_507;

    private final DatagramSocket server;
    private final InetSocketAddress target;
    private final Map<SocketAddress, DatagramSocket> flows = new ConcurrentHashMap<>();
    private final Thread receiver;

    private UdpProxy(DatagramSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
        this.receiver = Thread.ofVirtual().name("udp-proxy-" + server.getLocalPort()).unstarted(this::receiveLoop);
    }

    static UdpProxy open(String hostIp, int hostPort, String containerIp, int containerPort) {
        DatagramSocket server = null;
        try {
            server = new DatagramSocket(null);
            server.setReuseAddress(false);
            server.bind(new InetSocketAddress(InetAddress.getByName(hostIp), hostPort));
        } catch (IOException e) {
            PortProxy.closeQuietly(server);
            throw new ConflictException("Bind for " + hostIp + ":" + hostPort + "/udp failed: port is already allocated ("
                    + e.getMessage() + ")", e);
        }
        UdpProxy proxy = new UdpProxy(server, new InetSocketAddress(containerIp, containerPort));
        proxy.receiver.start();
        return proxy;
    }

    @Override
    public int boundPort() {
        return server.getLocalPort();
    }

    private void receiveLoop() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!server.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                server.receive(packet);
                SocketAddress client = packet.getSocketAddress();
                DatagramSocket flow = flows.get(client);
                if (flow == null) {
                    flow = new DatagramSocket();
                    flow.connect(target);
                    flow.setSoTimeout(IDLE_MS);
                    flows.put(client, flow);
                    DatagramSocket started = flow;
                    Thread.ofVirtual().start(() -> replyLoop(client, started));
                }
                flow.send(new DatagramPacket(packet.getData(), packet.getOffset(), packet.getLength()));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.DEBUG, "udp proxy to " + target + ": " + e.getMessage());
                }
            }
        }
    }

    /** Sends the container's answers back to the client until the flow idles out. */
    private void replyLoop(SocketAddress client, DatagramSocket flow) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        try {
            while (!flow.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                flow.receive(packet);
                server.send(new DatagramPacket(packet.getData(), packet.getOffset(), packet.getLength(), client));
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle, refused by the container, or closed: the flow ends
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "udp proxy reply to " + client + ": " + e.getMessage());
        } finally {
            flows.remove(client, flow);
            flow.close();
        }
    }

    @Override
    public void close() {
        server.close();
        flows.values().forEach(DatagramSocket::close);
        ListenerThreads.awaitEnd(receiver);
    }
}
