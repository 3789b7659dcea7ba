package dev.berth.daemon.http;

import dev.berth.api.http.ChunkedOutputStream;
import dev.berth.api.http.Headers;
import dev.berth.api.http.HttpCodec;
import dev.berth.api.http.HttpStatus;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The answer to one request. Exactly one of {@link #send}, {@link #sendJson},
 * {@link #sendEmpty}, {@link #stream} or {@link #hijack} may be called, once; headers are added
 * with {@link #header} before that. Every response also carries the server's default headers.
 * Responses to HEAD carry the same headers as to GET but no body.
 *
 * <p>Not thread-safe, except that the stream returned by {@link #stream} may be written by
 * another thread as long as only one writes at a time.
 */
public final class ServerResponse {
    private enum State { OPEN, STREAMING, DONE, HIJACKED }

    private final ServerRequest request;
    private final ServerConnection connection;
    private final OutputStream out;
    private final Consumer<Headers> defaultHeaders;
    private final Headers extra = new Headers();
    private boolean closeAfter;
    private State state = State.OPEN;
    private OutputStream body;
    private int status;

    ServerResponse(ServerRequest request, ServerConnection connection, OutputStream out,
            Consumer<Headers> defaultHeaders, boolean closeAfter) {
        this.request = request;
        this.connection = connection;
        this.out = out;
        this.defaultHeaders = defaultHeaders;
        this.closeAfter = closeAfter;
    }

    /** Adds a header field to the response; only before it is sent. Returns this. */
    public ServerResponse header(String name, String value) {
        requireOpen();
        extra.add(name, value);
        return this;
    }

    /** Sends a complete response with {@code Content-Length}. {@code contentType} may be null. */
    public void send(int status, String contentType, byte[] body) throws IOException {
        Objects.requireNonNull(body);
        requireOpen();
        Headers headers = baseHeaders();
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        boolean bodyAllowed = !HttpStatus.forbidsBody(status);
        if (bodyAllowed) {
            headers.set("Content-Length", Long.toString(body.length));
        }
        finishHeaders(headers);
        commit(status, State.DONE);
        HttpCodec.writeResponseHead(out, status, HttpStatus.reason(status), headers);
        if (bodyAllowed && !isHead()) {
            out.write(body);
        }
        out.flush();
    }

    /** Sends JSON with {@code Content-Type: application/json} (exactly: the CLI compares it). */
    public void sendJson(int status, byte[] json) throws IOException {
        send(status, "application/json", json);
    }

    /** Sends a status without a body: 204 and 304 carry no Content-Length, others {@code Content-Length: 0}. */
    public void sendEmpty(int status) throws IOException {
        send(status, null, new byte[0]);
    }

    /**
     * Sends the head now and returns the body as a stream: chunked, each {@code flush()} pushes
     * what was written to the client at once (logs -f, events, pull progress). Close it to end
     * the body; the server closes it if the handler returns without doing so. For HEAD the
     * returned stream discards what it is given.
     */
    public OutputStream stream(int status, String contentType) throws IOException {
        requireOpen();
        Headers headers = baseHeaders();
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        boolean http10 = request.version().equals("HTTP/1.0");
        if (http10) {
            closeAfter = true; // no chunked framing for 1.0: the body ends when we close
        } else {
            headers.set("Transfer-Encoding", "chunked");
        }
        finishHeaders(headers);
        commit(status, State.STREAMING);
        HttpCodec.writeResponseHead(out, status, HttpStatus.reason(status), headers);
        out.flush();
        if (isHead() || HttpStatus.forbidsBody(status)) {
            body = OutputStream.nullOutputStream();
        } else if (http10) {
            body = new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
        } else {
            body = new ChunkedOutputStream(out);
        }
        return body;
    }

    /**
     * Turns the connection into a raw stream. When the request asked to upgrade
     * ({@link ServerRequest#wantsUpgrade()}) this sends {@code 101 UPGRADED} with
     * {@code Connection: Upgrade}, {@code Upgrade: tcp}; otherwise {@code 200 OK}, the stream then
     * lasting until close. Both carry {@code contentType} and the headers added with
     * {@link #header}, not the defaults (as dockerd). What is left of the request body is read
     * and dropped first. The connection is not reused.
     */
    public Hijacked hijack(String contentType) throws IOException {
        requireOpen();
        try (InputStream rest = request.body()) {
            rest.transferTo(OutputStream.nullOutputStream());
        }
        Headers headers = new Headers(extra);
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        int code;
        String reason;
        if (request.wantsUpgrade()) {
            code = 101;
            reason = "UPGRADED";
            headers.set("Connection", "Upgrade");
            headers.set("Upgrade", "tcp");
        } else {
            code = 200;
            reason = "OK";
        }
        closeAfter = true;
        commit(code, State.HIJACKED);
        HttpCodec.writeResponseHead(out, code, reason, headers);
        out.flush();
        return connection.hijacked();
    }

    /** Whether the head has been written (or the connection hijacked). */
    public boolean isCommitted() {
        return state != State.OPEN;
    }

    /** The status sent, or 0 before sending. */
    public int status() {
        return status;
    }

    boolean isHijacked() {
        return state == State.HIJACKED;
    }

    /** Whether the connection must close after this response. */
    boolean closeAfter() {
        return closeAfter;
    }

    /** Sends an error that ends the connection (protocol errors, the handler's failure). */
    void sendError(int status, String message, boolean close) throws IOException {
        closeAfter |= close;
        sendJson(status, ErrorBody.json(message));
    }

    /** Ends a streamed body the handler left open, and flushes. */
    void finish() throws IOException {
        if (state == State.STREAMING) {
            body.close();
            state = State.DONE;
        }
        out.flush();
    }

    private Headers baseHeaders() {
        Headers headers = new Headers();
        defaultHeaders.accept(headers);
        // A handler's header replaces a default of the same name rather than repeating it.
        extra.names().forEach(headers::remove);
        extra.forEach(headers::add);
        return headers;
    }

    private void finishHeaders(Headers headers) {
        if (closeAfter) {
            headers.set("Connection", "close");
        }
    }

    private void commit(int code, State next) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("invalid status " + code);
        }
        status = code;
        state = next;
    }

    private boolean isHead() {
        return request.method().equals("HEAD");
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("response already sent");
        }
    }
}
