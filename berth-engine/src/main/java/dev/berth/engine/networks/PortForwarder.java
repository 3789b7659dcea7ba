package dev.berth.engine.networks;

import dev.berth.engine.error.ConflictException;

/**
 * A published port's userland proxy in the daemon: listens on the host side and forwards to
 * the container's address. Closing it closes the host port.
 */
interface PortForwarder extends AutoCloseable {

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
}
