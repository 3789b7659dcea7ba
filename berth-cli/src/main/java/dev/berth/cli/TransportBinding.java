package dev.berth.cli;

import dev.berth.api.client.Transport;

/**
 * The one place the CLI obtains a {@link Transport} for a host such as
 * {@code unix:///run/berth.sock}.
 *
 * <p>INTEGRATOR: bind this to the HTTP transport (dev.berth.api.http.UnixHttpClient through
 * a small adapter implementing Transport) when the branches merge; see the report of h-cli.
 */
public final class TransportBinding {

    private TransportBinding() {
    }

    public static Transport open(String host) {
        String socket = socketPath(host);
        throw new UnsupportedOperationException("no HTTP transport bound yet for unix://" + socket
                + " (dev.berth.cli.TransportBinding awaits dev.berth.api.http)");
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
