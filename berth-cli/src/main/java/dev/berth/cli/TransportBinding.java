package dev.berth.cli;

import dev.berth.api.client.Transport;
import dev.berth.api.client.UnixSocketTransport;
import java.nio.file.Path;

/**
 * The one place the CLI obtains a {@link Transport} for a host such as
 * {@code unix:///run/berth.sock}.
 */
public final class TransportBinding {

    private TransportBinding() {
    }

    /** A transport to {@code host}; connects per request, so nothing is opened here. */
    public static Transport open(String host) {
        return new UnixSocketTransport(Path.of(socketPath(host)), host, "berth/" + BuildInfo.version());
    }

    /** The socket path of a {@code unix://} host; other schemes are refused, as berthd listens on a socket only. */
    public static String socketPath(String host) {
        if (host.startsWith("unix://")) {
            return host.substring("unix://".length());
        }
        if (host.startsWith("/")) {
            return host;
        }
        throw new IllegalArgumentException("unsupported host " + host + ": berth speaks unix:// only");
    }
}
