package dev.berth.engine.networks;

import dev.berth.engine.error.ConflictException;
import java.time.Duration;

/**
 * A published port's userland proxy in the daemon: listens on the host side and forwards to
 * the container's address. Closing it closes the host port.
 */
interface PortForwarder extends AutoCloseable {

    /** How long {@link #close} waits for the host port to be released. */
    Duration RELEASE_WAIT = Duration.ofSeconds(5);

    /** The host port actually bound (a free one when 0 was asked). */
    int boundPort();

    /** Closes the host port; when this returns, the same port can be bound again. */
    @Override
    void close();

    /**
     * Binds the first free host port of the request's range (any free port for 0) and starts
     * forwarding to {@code containerIp}; fails with dockerd's "port is already allocated".
     */
    static PortForwarder open(PortRequest request, String containerIp) {
        ConflictException last = null;
        for (int port = request.hostFirst(); port <= request.hostLast(); port++) {
            try {
                return request.protocol().equals("udp")
                        ? UdpProxy.open(request.hostIp(), port, containerIp, request.containerPort())
                        : PortProxy.open(request.hostIp(), port, containerIp, request.containerPort());
            } catch (ConflictException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Waits for the proxy's listening thread to end. A socket closed while a virtual thread is
     * blocked on it keeps its file descriptor until that thread wakes up, so without this wait
     * re-publishing the same host port (a new primary network, a restart) could find it still
     * bound under load.
     */
    static void awaitReleased(Thread listener) {
        if (listener == null) {
            return;
        }
        try {
            listener.join(RELEASE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
