package dev.berth.api.client;

import java.io.IOException;

/** No connection could be made to the daemon: the socket is missing or nobody listens. */
public final class DaemonUnreachableException extends IOException {

    private final String host;

    /** @param host the endpoint as the user names it, e.g. {@code unix:///run/berth.sock} */
    public DaemonUnreachableException(String host, Throwable cause) {
        super("Cannot connect to the berth daemon at " + host + ". Is the daemon running?", cause);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
