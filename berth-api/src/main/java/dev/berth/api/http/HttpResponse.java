package dev.berth.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A response from {@link UnixHttpClient#send}: status, headers, and a body stream read straight
 * from the connection (so long streams such as {@code logs -f} arrive as they are written).
 *
 * <p>Owns the connection: close it (or the body stream) when done.
 */
public final class HttpResponse implements AutoCloseable {
    private final ResponseHead head;
    private final InputStream body;

    HttpResponse(ResponseHead head, InputStream body) {
        this.head = Objects.requireNonNull(head);
        this.body = Objects.requireNonNull(body);
    }

    public int status() {
        return head.status();
    }

    public String reason() {
        return head.reason();
    }

    public Headers headers() {
        return new Headers(head.headers());
    }

    /** The Content-Type header, or null. */
    public String contentType() {
        return head.headers().first("Content-Type");
    }

    /** The body; ends at the message's end. Closing it closes the connection. */
    public InputStream body() {
        return body;
    }

    /** Reads the whole body and closes the connection. */
    public byte[] readBody() throws IOException {
        try (InputStream in = body) {
            return in.readAllBytes();
        }
    }

    /** Reads the whole body as UTF-8 and closes the connection. */
    public String readBodyText() throws IOException {
        return new String(readBody(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    @Override
    public String toString() {
        return "HttpResponse[" + head.status() + " " + head.reason() + "]";
    }
}
