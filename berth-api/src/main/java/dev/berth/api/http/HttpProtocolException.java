package dev.berth.api.http;

import java.io.IOException;

/**
 * Malformed or unsupported HTTP input: a bad head, a bad chunk, a body that ends early.
 *
 * <p>{@link #status()} is the status a server should answer with (400, 413, 414, 431, 501,
 * 505). The message is short, safe to show to the peer, and never contains the offending bytes
 * beyond a few characters.
 */
public final class HttpProtocolException extends IOException {
    private final int status;

    public HttpProtocolException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static HttpProtocolException badRequest(String message) {
        return new HttpProtocolException(400, message);
    }

    /** The HTTP status that describes this failure to the peer. */
    public int status() {
        return status;
    }
}
