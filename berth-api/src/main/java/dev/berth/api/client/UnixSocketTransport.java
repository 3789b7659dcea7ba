package dev.berth.api.client;

import dev.berth.api.http.HijackedConnection;
import dev.berth.api.http.HttpRequest;
import dev.berth.api.http.HttpResponse;
import dev.berth.api.http.UnixHttpClient;
import dev.berth.api.http.UpgradeRefusedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Transport} to a daemon's UNIX socket: an adapter from
 * {@link dev.berth.api.http.UnixHttpClient}, which opens one connection per request (so this
 * class is thread-safe and holds nothing to close).
 *
 * <p>A request whose socket is missing or has no listener throws
 * {@link DaemonUnreachableException}; a refused hijack comes back as an {@link ApiStream}
 * carrying the daemon's status and error body, as the Transport contract asks.
 */
public final class UnixSocketTransport implements Transport {

    private final UnixHttpClient http;
    private final String host;

    /**
     * @param socket    the daemon's socket
     * @param host      the endpoint as the user named it ({@code unix:///run/berth.sock}), for messages
     * @param userAgent the User-Agent header value
     */
    public UnixSocketTransport(Path socket, String host, String userAgent) {
        this.http = new UnixHttpClient(socket, userAgent);
        this.host = host;
    }

    @Override
    public ApiResponse send(ApiRequest request) throws IOException {
        HttpResponse response;
        try {
            response = http.send(toHttp(request));
        } catch (IOException e) {
            throw unreachableOr(e);
        }
        return new ApiResponse(response.status(), headerMap(response.headers()), response.body());
    }

    @Override
    public ApiStream hijack(ApiRequest request) throws IOException {
        try {
            return new Hijacked(http.hijack(toHttp(request)));
        } catch (UpgradeRefusedException refused) {
            return new Refused(refused);
        } catch (IOException e) {
            throw unreachableOr(e);
        }
    }

    private HttpRequest toHttp(ApiRequest request) {
        dev.berth.api.http.Headers headers = new dev.berth.api.http.Headers();
        request.headers().forEach(headers::set);
        dev.berth.api.http.RequestBody body = switch (request.body()) {
            case null -> dev.berth.api.http.RequestBody.empty();
            case RequestBody.Bytes b -> dev.berth.api.http.RequestBody.bytes(b.contentType(), b.data());
            case RequestBody.Streamed s -> dev.berth.api.http.RequestBody.stream(s.contentType(), s.data());
        };
        return new HttpRequest(request.method(), request.target(), headers, body);
    }

    /**
     * Connecting to a UNIX socket fails with ConnectException when nobody listens and with a
     * plain SocketException ("No such file or directory") when the socket file is missing;
     * anything else happened on a connection that was made.
     */
    private IOException unreachableOr(IOException e) {
        boolean unreachable = e instanceof ConnectException
                || (e instanceof SocketException && !Files.exists(http.socketPath()));
        return unreachable ? new DaemonUnreachableException(host, e) : e;
    }

    private static Map<String, List<String>> headerMap(dev.berth.api.http.Headers headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : headers.names()) {
            map.put(name, headers.all(name));
        }
        return map;
    }

    /** An upgraded connection. */
    private record Hijacked(HijackedConnection connection) implements ApiStream {

        @Override
        public int status() {
            return connection.status();
        }

        @Override
        public String header(String name) {
            return connection.headers().first(name);
        }

        @Override
        public InputStream in() {
            return connection.in();
        }

        @Override
        public OutputStream out() {
            return connection.out();
        }

        @Override
        public void closeWrite() throws IOException {
            connection.closeWrite();
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }

    /** The daemon's answer to a hijack it refused; the connection is already closed. */
    private static final class Refused implements ApiStream {
        private final UpgradeRefusedException refused;
        private final InputStream body;

        Refused(UpgradeRefusedException refused) {
            this.refused = refused;
            this.body = new ByteArrayInputStream(refused.body());
        }

        @Override
        public int status() {
            return refused.status();
        }

        @Override
        public String header(String name) {
            return name.equalsIgnoreCase("Content-Type") ? refused.contentType() : null;
        }

        @Override
        public InputStream in() {
            return body;
        }

        @Override
        public OutputStream out() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public void closeWrite() {
        }

        @Override
        public void close() {
        }
    }
}
