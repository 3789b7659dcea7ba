package dev.berth.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.http.HijackedConnection;
import dev.berth.api.http.HttpRequest;
import dev.berth.api.http.HttpResponse;
import dev.berth.api.http.RequestBody;
import dev.berth.api.http.UnixHttpClient;
import dev.berth.api.http.UpgradeRefusedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class UnixHttpServerTest {
    @TempDir
    Path dir;

    private UnixHttpServer server;

    private Path socket() {
        return dir.resolve("run/berth.sock");
    }

    private UnixHttpClient start(HttpHandler handler) throws IOException {
        return start(handler, ServerOptions.defaults());
    }

    private UnixHttpClient start(HttpHandler handler, ServerOptions options) throws IOException {
        server = UnixHttpServer.start(socket(), handler,
                options.withDefaultHeaders(h -> h.add("Server", "Docker/28.2.2 (linux)").add("Api-Version", "1.50")));
        return new UnixHttpClient(socket());
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void socketFile_hasMode0660_andIsRemovedOnClose() throws IOException {
        start((req, res) -> res.sendEmpty(204));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-rw----");
        server.close();
        server = null;
        assertThat(socket()).doesNotExist();
    }

    @Test
    void start_replacesStaleSocketFile_butRefusesALiveServer() throws IOException {
        Files.createDirectories(socket().getParent());
        Files.writeString(socket(), "stale");
        UnixHttpClient client = start((req, res) -> res.send(200, "text/plain", utf8("OK")));
        try (HttpResponse r = client.send(HttpRequest.get("/_ping"))) {
            assertThat(r.readBodyText()).isEqualTo("OK");
        }
        assertThatThrownBy(() -> UnixHttpServer.start(socket(), (req, res) -> res.sendEmpty(204), ServerOptions.defaults()))
                .isInstanceOf(IOException.class).hasMessageContaining("another server");
    }

    @Test
    void keepAlive_servesThreeRequestsOnOneConnection_thenClosesOnConnectionClose() throws IOException {
        start((req, res) -> res.sendJson(200, utf8("{\"path\":\"" + req.path() + "\",\"all\":\"" + req.query().first("all") + "\"}")));
        try (RawConnection c = new RawConnection(socket())) {
            c.write("GET /v1.50/containers/json?all=1 HTTP/1.1\r\nHost: x\r\n\r\n");
            RawConnection.Reply first = c.read("GET");
            c.write("GET /images/json HTTP/1.1\r\nHost: x\r\n\r\n");
            RawConnection.Reply second = c.read("GET");
            c.write("GET /info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            RawConnection.Reply third = c.read("GET");

            assertThat(first.body()).isEqualTo("{\"path\":\"/v1.50/containers/json\",\"all\":\"1\"}");
            assertThat(first.head().headers().first("Content-Type")).isEqualTo("application/json");
            assertThat(first.head().headers().first("Api-Version")).isEqualTo("1.50");
            assertThat(second.body()).contains("/images/json");
            assertThat(third.body()).contains("/info");
            assertThat(third.head().headers().first("Connection")).isEqualTo("close");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void keepAlive_survivesAnUnreadRequestBody() throws IOException {
        start((req, res) -> res.sendEmpty(204));
        try (RawConnection c = new RawConnection(socket())) {
            c.write("POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
                    + "POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                    + "GET /c HTTP/1.1\r\n\r\n");
            assertThat(c.read("POST").head().status()).isEqualTo(204);
            assertThat(c.read("POST").head().status()).isEqualTo(204);
            assertThat(c.read("GET").head().status()).isEqualTo(204);
        }
    }

    @Test
    void chunkedUpload_ofFiveMebibytes_arrivesIntact() throws Exception {
        UnixHttpClient client = start((req, res) -> {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long n = 0;
            byte[] buf = new byte[65536];
            int r;
            while ((r = req.body().read(buf)) >= 0) {
                sha.update(buf, 0, r);
                n += r;
            }
            res.send(200, "text/plain", utf8(req.header("Transfer-Encoding") + " " + n + " "
                    + HexFormat.of().formatHex(sha.digest())));
        });
        byte[] data = new byte[5 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));

        try (HttpResponse r = client.send(HttpRequest.post("/build",
                RequestBody.stream("application/x-tar", new ByteArrayInputStream(data))))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.readBodyText()).isEqualTo("chunked " + data.length + " " + expected);
        }
    }

    @Test
    void streamingResponse_reachesClientBeforeHandlerFinishes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        UnixHttpClient client = start((req, res) -> {
            try (OutputStream out = res.stream(200, "application/json")) {
                out.write(utf8("{\"status\":\"Pulling\"}\n"));
                out.flush();
                if (!release.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test never released the handler");
                }
                out.write(utf8("{\"status\":\"Done\"}\n"));
            }
        });
        try (HttpResponse r = client.send(HttpRequest.post("/images/create", RequestBody.empty()))) {
            assertThat(r.headers().first("Transfer-Encoding")).isEqualTo("chunked");
            byte[] first = new byte[21];
            int n = r.body().readNBytes(first, 0, first.length);
            assertThat(new String(first, 0, n, StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"Pulling\"}\n");
            release.countDown();
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"Done\"}\n");
        }
    }

    @Test
    void hijack_withHalfClose_serverSeesEofAndStillReplies() throws Exception {
        UnixHttpClient client = start((req, res) -> {
            String command = new String(req.body().readAllBytes(), StandardCharsets.UTF_8);
            try (Hijacked h = res.hijack("application/vnd.docker.raw-stream")) {
                byte[] stdin = h.in().readAllBytes(); // until the client half-closes
                h.out().write(utf8(command + ":" + new String(stdin, StandardCharsets.UTF_8).toUpperCase()));
            }
        });
        HttpRequest request = HttpRequest.post("/exec/abc/start", RequestBody.json("{\"Detach\":false}"));
        try (HijackedConnection conn = client.hijack(request)) {
            assertThat(conn.status()).isEqualTo(101);
            assertThat(conn.contentType()).isEqualTo("application/vnd.docker.raw-stream");
            assertThat(conn.headers().first("Upgrade")).isEqualTo("tcp");
            conn.out().write(utf8("hello from stdin"));
            conn.closeWrite();
            assertThat(new String(conn.in().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"Detach\":false}:HELLO FROM STDIN");
        }
    }

    @Test
    void hijack_withoutUpgradeHeader_answers200AndStreamsUntilClose() throws IOException {
        start((req, res) -> {
            try (Hijacked h = res.hijack("application/vnd.docker.multiplexed-stream")) {
                h.out().write(utf8("raw output"));
            }
        });
        try (RawConnection c = new RawConnection(socket())) {
            c.write("POST /containers/x/attach?stream=1 HTTP/1.1\r\nHost: x\r\n\r\n");
            RawConnection.Reply reply = c.read("POST");
            assertThat(reply.head().status()).isEqualTo(200);
            assertThat(reply.head().headers().first("Content-Type")).isEqualTo("application/vnd.docker.multiplexed-stream");
            assertThat(reply.body()).isEqualTo("raw output");
        }
    }

    @Test
    void hijack_refused_carriesTheErrorBody() throws IOException {
        UnixHttpClient client = start((req, res) -> res.sendJson(404, utf8("{\"message\":\"No such container: x\"}")));
        assertThatThrownBy(() -> client.hijack(HttpRequest.post("/containers/x/attach", RequestBody.empty())))
                .isInstanceOfSatisfying(UpgradeRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.bodyText()).isEqualTo("{\"message\":\"No such container: x\"}");
                });
    }

    @Test
    void head_sendsHeadersWithoutBody_andKeepsConnectionUsable() throws IOException {
        start((req, res) -> res.send(200, "text/plain; charset=utf-8", utf8("OK")));
        try (RawConnection c = new RawConnection(socket())) {
            c.write("HEAD /_ping HTTP/1.1\r\n\r\nGET /_ping HTTP/1.1\r\n\r\n");
            RawConnection.Reply head = c.read("HEAD");
            RawConnection.Reply get = c.read("GET");
            assertThat(head.head().status()).isEqualTo(200);
            assertThat(head.head().headers().first("Content-Length")).isEqualTo("2");
            assertThat(head.body()).isEmpty();
            assertThat(get.body()).isEqualTo("OK");
        }
    }

    @Test
    void sendEmpty_204_hasNoContentLength() throws IOException {
        UnixHttpClient client = start((req, res) -> res.sendEmpty(204));
        try (HttpResponse r = client.send(HttpRequest.delete("/containers/x"))) {
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.headers().contains("Content-Length")).isFalse();
            assertThat(r.readBody()).isEmpty();
        }
    }

    @Test
    void idleConnection_isClosedAfterIdleTimeout() throws IOException {
        start((req, res) -> res.sendEmpty(204), ServerOptions.defaults().withIdleTimeout(Duration.ofMillis(200)));
        try (RawConnection c = new RawConnection(socket())) {
            long t0 = System.nanoTime();
            assertThat(c.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void slowHead_isClosedAfterHeadTimeout() throws IOException {
        start((req, res) -> res.sendEmpty(204), ServerOptions.defaults().withHeadTimeout(Duration.ofMillis(200)));
        try (RawConnection c = new RawConnection(socket())) {
            c.write("GET / HTTP/1.1\r\nHost: x\r\n"); // never finishes the head
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void malformedRequest_gets400JsonAndConnectionClosed() throws IOException {
        start((req, res) -> res.sendEmpty(204));
        try (RawConnection c = new RawConnection(socket())) {
            c.write("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n");
            RawConnection.Reply reply = c.read("POST");
            assertThat(reply.head().status()).isEqualTo(400);
            assertThat(reply.head().headers().first("Content-Type")).isEqualTo("application/json");
            assertThat(reply.body()).isEqualTo("{\"message\":\"conflicting Content-Length values\"}\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void unsupportedTransferCoding_gets501() throws IOException {
        start((req, res) -> res.sendEmpty(204));
        try (RawConnection c = new RawConnection(socket())) {
            c.write("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n");
            assertThat(c.read("POST").head().status()).isEqualTo(501);
        }
    }

    @Test
    void handlerFailure_beforeAnswering_gets500Json_andNoAnswer_gets500() throws IOException {
        AtomicReference<String> mode = new AtomicReference<>("throw");
        UnixHttpClient client = start((req, res) -> {
            if (mode.get().equals("throw")) {
                throw new IllegalStateException("boom \"quoted\"");
            }
        });
        try (HttpResponse r = client.send(HttpRequest.get("/x"))) {
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.readBodyText()).isEqualTo("{\"message\":\"boom \\\"quoted\\\"\"}\n");
        }
        mode.set("silent");
        try (HttpResponse r = client.send(HttpRequest.get("/x"))) {
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.readBodyText()).contains("handler sent no response");
        }
    }

    @Test
    void malformedChunkedBody_readByHandler_gets400() throws IOException {
        start((req, res) -> {
            req.body().readAllBytes();
            res.sendEmpty(204);
        });
        try (RawConnection c = new RawConnection(socket())) {
            c.write("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
            assertThat(c.read("POST").head().status()).isEqualTo(400);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void close_endsLiveConnections() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        UnixHttpClient client = start((req, res) -> {
            try (Hijacked h = res.hijack("application/vnd.docker.raw-stream")) {
                inHandler.countDown();
                h.in().readAllBytes();
            }
        });
        try (HijackedConnection conn = client.hijack(HttpRequest.post("/containers/x/attach", RequestBody.empty()))) {
            assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
            server.close();
            server = null;
            InputStream in = conn.in();
            assertThat(in.read()).isEqualTo(-1);
        }
    }
}
