package dev.berth.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against a scripted server on a real UNIX socket. */
class UnixSocketTransportTest {

    @TempDir
    Path dir;

    private Path socket;
    private ServerSocketChannel server;
    private UnixSocketTransport transport;
    // The common pool has one thread on two cores: server and clients need their own threads.
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void setUp() {
        socket = dir.resolve("d.sock");
        transport = new UnixSocketTransport(socket, "unix://" + socket, "berth-test");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (server != null) {
            server.close();
        }
        threads.shutdownNow();
    }

    /** Accepts one connection, reads the request until {@code requestEnd}, then runs {@code answer}. */
    private CompletableFuture<String> serveOnce(String requestEnd, Answer answer) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel ch = server.accept()) {
                InputStream in = Channels.newInputStream(ch);
                ByteArrayOutputStream seen = new ByteArrayOutputStream();
                while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith(requestEnd)) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    seen.write(b);
                }
                answer.write(Channels.newOutputStream(ch), in);
                return seen.toString(StandardCharsets.ISO_8859_1);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, threads);
    }

    private interface Answer {
        void write(OutputStream out, InputStream in) throws Exception;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Test
    void send_returnsAtTheHead_beforeTheBodyIsWritten() throws Exception {
        CountDownLatch headRead = new CountDownLatch(1);
        CompletableFuture<String> seen = serveOnce("\r\n\r\n", (out, in) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            headRead.await(10, TimeUnit.SECONDS);
            write(out, "b\r\n{\"Code\":0}\n\r\n0\r\n\r\n");
        });
        try (ApiResponse r = transport.send(ApiRequest.of("POST", "/v1.50/containers/x/wait"))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).isEqualTo("application/json");
            headRead.countDown();
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"Code\":0}\n");
        }
        assertThat(seen.get(10, TimeUnit.SECONDS)).startsWith("POST /v1.50/containers/x/wait HTTP/1.1\r\n")
                .containsIgnoringCase("Host: api.moby.localhost").containsIgnoringCase("User-Agent: berth-test");
    }

    @Test
    void send_streamsABodyChunked() throws Exception {
        CompletableFuture<String> seen = serveOnce("0\r\n\r\n", (out, in) ->
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
        InputStream tar = new ByteArrayInputStream("tar-bytes".getBytes(StandardCharsets.UTF_8));
        ApiRequest request = new ApiRequest("POST", "/v1.50/images/load", Map.of("X-Test", "1"), RequestBody.tar(tar));
        try (ApiResponse r = transport.send(request)) {
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(seen.get(10, TimeUnit.SECONDS))
                .containsIgnoringCase("Transfer-Encoding: chunked")
                .containsIgnoringCase("Content-Type: application/x-tar")
                .contains("X-Test: 1")
                .endsWith("\r\n\r\n9\r\ntar-bytes\r\n0\r\n\r\n");
    }

    @Test
    void send_bytesBody_hasContentLength() throws Exception {
        CompletableFuture<String> seen = serveOnce("{}", (out, in) ->
                write(out, "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}"));
        try (ApiResponse r = transport.send(new ApiRequest("POST", "/v1.50/containers/create", Map.of(),
                RequestBody.json("{}".getBytes(StandardCharsets.UTF_8))))) {
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body().readAllBytes()).asString().isEqualTo("{}");
        }
        assertThat(seen.get(10, TimeUnit.SECONDS)).containsIgnoringCase("Content-Length: 2")
                .containsIgnoringCase("Content-Type: application/json");
    }

    @Test
    void hijack_upgraded_streamsBothWays() throws Exception {
        CompletableFuture<String> seen = serveOnce("\r\n\r\n", (out, in) -> {
            write(out, "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                    + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
            byte[] stdin = in.readAllBytes(); // until the client half-closes
            write(out, "echo:" + new String(stdin, StandardCharsets.UTF_8));
        });
        try (ApiStream s = transport.hijack(new ApiRequest("POST", "/v1.50/containers/x/attach?stream=1",
                Map.of("Connection", "Upgrade", "Upgrade", "tcp"), null))) {
            assertThat(s.status()).isEqualTo(101);
            assertThat(s.header("content-type")).isEqualTo("application/vnd.docker.raw-stream");
            s.out().write("hi".getBytes(StandardCharsets.UTF_8));
            s.closeWrite();
            assertThat(new String(s.in().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("echo:hi");
        }
        assertThat(seen.get(10, TimeUnit.SECONDS)).containsIgnoringCase("Upgrade: tcp");
    }

    @Test
    void hijack_refused_carriesStatusAndErrorBody() throws Exception {
        String error = "{\"message\":\"No such container: x\"}";
        serveOnce("\r\n\r\n", (out, in) -> write(out, "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + error.length() + "\r\n\r\n" + error));
        try (ApiStream s = transport.hijack(ApiRequest.of("POST", "/v1.50/containers/x/attach"))) {
            assertThat(s.status()).isEqualTo(404);
            assertThat(s.header("Content-Type")).isEqualTo("application/json");
            assertThat(new String(s.in().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(error);
        }
    }

    @Test
    void missingSocket_isUnreachable() {
        assertThatThrownBy(() -> transport.send(ApiRequest.of("GET", "/_ping")))
                .isInstanceOf(DaemonUnreachableException.class)
                .hasMessage("Cannot connect to the berth daemon at unix://" + socket + ". Is the daemon running?");
        assertThatThrownBy(() -> transport.hijack(ApiRequest.of("POST", "/x")))
                .isInstanceOf(DaemonUnreachableException.class);
    }

    @Test
    void socketWithoutListener_isUnreachable() throws IOException {
        Files.writeString(socket, "not a socket");
        assertThatThrownBy(() -> transport.send(ApiRequest.of("GET", "/_ping")))
                .isInstanceOf(DaemonUnreachableException.class);
    }

    @Test
    void concurrentRequests_eachGetTheirOwnConnection() throws Exception {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        int n = 8;
        CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < n; i++) {
                try {
                    SocketChannel ch = server.accept();
                    Thread.ofVirtual().start(() -> {
                        try (ch) {
                            InputStream in = Channels.newInputStream(ch);
                            StringBuilder head = new StringBuilder();
                            while (!head.toString().endsWith("\r\n\r\n")) {
                                head.append((char) in.read());
                            }
                            String path = head.substring(head.indexOf(" ") + 1, head.indexOf(" HTTP/"));
                            write(Channels.newOutputStream(ch), "HTTP/1.1 200 OK\r\nContent-Length: "
                                    + path.length() + "\r\n\r\n" + path);
                        } catch (IOException e) {
                            throw new RuntimeException(e);
                        }
                    });
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }
        }, threads);
        var futures = new java.util.ArrayList<CompletableFuture<String>>();
        for (int i = 0; i < n; i++) {
            String path = "/p" + i;
            futures.add(CompletableFuture.supplyAsync(() -> {
                try (ApiResponse r = transport.send(ApiRequest.of("GET", path))) {
                    return new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, threads));
        }
        for (int i = 0; i < n; i++) {
            assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("/p" + i);
        }
        serving.get(10, TimeUnit.SECONDS);
    }
}
