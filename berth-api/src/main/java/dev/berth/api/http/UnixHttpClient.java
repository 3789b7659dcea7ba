package dev.berth.api.http;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A blocking HTTP/1.1 client over a UNIX-domain socket, such as berthd's or dockerd's.
 *
 * <p>Each request opens its own connection and sends {@code Connection: close}: a CLI makes a
 * handful of requests, connecting to a local socket costs microseconds, and there is no pool to
 * get wrong. Thread-safe: it holds no connection state.
 *
 * <p>Every request carries {@code Host: api.moby.localhost} (the value the Go client uses; the
 * server ignores it) and a {@code User-Agent}, unless the request sets its own.
 */
public final class UnixHttpClient {
    /** The Host value the docker Go client sends over UNIX sockets. */
    public static final String HOST = "api.moby.localhost";
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final Path socketPath;
    private final String userAgent;

    public UnixHttpClient(Path socketPath) {
        this(socketPath, "berth/0.1");
    }

    public UnixHttpClient(Path socketPath, String userAgent) {
        this.socketPath = Objects.requireNonNull(socketPath);
        this.userAgent = Objects.requireNonNull(userAgent);
    }

    public Path socketPath() {
        return socketPath;
    }

    /**
     * Sends {@code request} and returns once the response head has arrived. The response's body
     * streams from the connection; close the response when done.
     *
     * <p>If the server answers and closes while a streamed body is still being sent (an early
     * error), that answer is returned rather than the broken-pipe error.
     *
     * @throws HttpProtocolException if the server's response is malformed
     * @throws IOException if the socket cannot be reached or the connection breaks
     */
    public HttpResponse send(HttpRequest request) throws IOException {
        SocketChannel channel = connect();
        try {
            HttpInput in = exchange(channel, request, false);
            ResponseHead head = readFinalHead(in);
            BodyFraming framing = HttpCodec.responseFraming(request.method(), head.status(), head.headers());
            return new HttpResponse(head, new ConnectionBody(framing.open(in), channel));
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Sends {@code request} asking to upgrade the connection to a raw stream (attach, exec
     * start) and returns that stream. Accepts 101 (upgraded) and 200 (raw stream until close).
     *
     * @throws UpgradeRefusedException for any other status, carrying the error body
     */
    public HijackedConnection hijack(HttpRequest request) throws IOException {
        SocketChannel channel = connect();
        try {
            HttpInput in = exchange(channel, request, true);
            ResponseHead head = readFinalHead(in);
            if (head.status() == 101 || head.status() == 200) {
                return new HijackedConnection(channel, head, in);
            }
            BodyFraming framing = HttpCodec.responseFraming(request.method(), head.status(), head.headers());
            byte[] body;
            try (InputStream bodyIn = framing.open(in)) {
                body = bodyIn.readNBytes(MAX_ERROR_BODY);
            }
            channel.close();
            throw new UpgradeRefusedException(head.status(), head.headers().first("Content-Type"), body);
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    private SocketChannel connect() throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(socketPath));
    }

    /** Writes the request; returns the connection's input positioned at the response. */
    private HttpInput exchange(SocketChannel channel, HttpRequest request, boolean upgrade) throws IOException {
        Headers headers = new Headers();
        headers.add("Host", HOST);
        headers.add("User-Agent", userAgent);
        request.headers().forEach(headers::set);
        if (upgrade) {
            headers.set("Connection", "Upgrade");
            headers.set("Upgrade", "tcp");
        } else {
            headers.set("Connection", "close");
        }
        headers.remove("Content-Length").remove("Transfer-Encoding");
        switch (request.body()) {
            case RequestBody.Empty _ -> {
                if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
                    headers.add("Content-Length", "0");
                }
            }
            case RequestBody.Bytes b -> {
                headers.set("Content-Type", b.contentType());
                headers.add("Content-Length", Long.toString(b.bytes().length));
            }
            case RequestBody.Streamed s -> {
                headers.set("Content-Type", s.contentType());
                headers.add("Transfer-Encoding", "chunked");
            }
        }
        OutputStream out = new BufferedOutputStream(ChannelStreams.output(channel), 16 * 1024);
        HttpInput in = new HttpInput(ChannelStreams.input(channel));
        IOException writeFailure = null;
        try {
            HttpCodec.writeRequestHead(out, request.method(), request.target(), headers);
            writeBody(out, request.body());
            out.flush();
        } catch (IOException e) {
            writeFailure = e;
        }
        if (writeFailure != null) {
            // The server may have answered early (say 400 for a bad upload) and closed: prefer
            // its answer. If there is none, the write failure is the real error.
            try {
                if (!in.awaitData()) {
                    throw writeFailure;
                }
            } catch (IOException readFailure) {
                if (readFailure != writeFailure) {
                    writeFailure.addSuppressed(readFailure);
                }
                throw writeFailure;
            }
        }
        return in;
    }

    private static void writeBody(OutputStream out, RequestBody body) throws IOException {
        switch (body) {
            case RequestBody.Empty _ -> { }
            case RequestBody.Bytes b -> out.write(b.bytes());
            case RequestBody.Streamed s -> {
                try (InputStream source = s.stream(); ChunkedOutputStream chunked = new ChunkedOutputStream(out, 64 * 1024)) {
                    source.transferTo(chunked);
                }
            }
        }
    }

    /** Reads heads until a final one; 100 Continue and other interim answers are skipped, 101 is final. */
    private static ResponseHead readFinalHead(HttpInput in) throws IOException {
        for (int interim = 0; interim < 10; interim++) {
            ResponseHead head = HttpCodec.readResponseHead(in);
            if (head.status() >= 200 || head.status() == 101) {
                return head;
            }
        }
        throw HttpProtocolException.badRequest("too many interim responses");
    }

    /** A response body whose close() closes the connection. */
    private static final class ConnectionBody extends FilterInputStream {
        private final SocketChannel channel;

        ConnectionBody(InputStream body, SocketChannel channel) {
            super(body);
            this.channel = channel;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
