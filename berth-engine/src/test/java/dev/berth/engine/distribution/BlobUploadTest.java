package dev.berth.engine.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.berth.engine.digest.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Blob uploads against a registry that follows the distribution spec's upload protocol (a
 * small in-test server: Debian's docker-registry never asks for chunks): monolithic by
 * default, PATCH chunks in order when {@code OCI-Chunk-Min-Length} asks for them.
 */
class BlobUploadTest {

    private HttpServer server;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<String> requests = new ArrayList<>();
    private String minChunk;
    private int session;
    private String finished;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        byte[] body = ex.getRequestBody().readAllBytes();
        requests.add(method + " " + body.length);
        switch (method) {
            case "POST" -> {
                if (minChunk != null) {
                    ex.getResponseHeaders().add(BlobUpload.MIN_CHUNK_HEADER, minChunk);
                }
                next(ex, 202);
            }
            case "PATCH" -> {
                String range = ex.getRequestHeaders().getFirst("Content-Range");
                if (range != null && !range.equals(received.size() + "-" + (received.size() + body.length - 1))) {
                    next(ex, 416);
                    return;
                }
                received.write(body);
                next(ex, 202);
            }
            case "PUT" -> {
                received.write(body);
                String query = ex.getRequestURI().getQuery();
                boolean ok = query.equals("digest=" + Digest.sha256(received.toByteArray()));
                finished = ok ? query : null;
                ex.sendResponseHeaders(ok ? 201 : 400, -1);
            }
            default -> ex.sendResponseHeaders(405, -1);
        }
        ex.close();
    }

    private void next(HttpExchange ex, int status) throws IOException {
        ex.getResponseHeaders().add("Location", "/v2/repo/blobs/uploads/s" + (++session));
        ex.sendResponseHeaders(status, -1);
    }

    private RegistryClient client() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new RegistryClient(RegistryClient.newHttpClient(), base, "repo", AuthConfig.ANONYMOUS, "pull,push");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            // min chunk asked, blob size -> requests the registry sees
            "none,  1000,     POST 0|PUT 1000",
            "5000,  1000,     POST 0|PUT 1000", // smaller than one chunk: monolithic
            "1000,  20000000, POST 0|PATCH 8388608|PATCH 8388608|PATCH 3222784|PUT 0",
            "9000000, 20000000, POST 0|PATCH 9000000|PATCH 9000000|PATCH 2000000|PUT 0"})
    void upload_isMonolithicUnlessTheRegistryAsksForChunks(String min, int size, String expected) throws IOException {
        minChunk = min;
        byte[] blob = new byte[size];
        new Random(size).nextBytes(blob);
        Digest digest = Digest.sha256(blob);
        List<Long> progress = new ArrayList<>();
        BlobUpload.upload(client(), digest, size, () -> new ByteArrayInputStream(blob), (done, total) -> progress.add(done));

        assertThat(String.join("|", requests)).isEqualTo(expected);
        assertThat(finished).isEqualTo("digest=" + digest);
        assertThat(received.toByteArray()).isEqualTo(blob);
        assertThat(progress).isSorted().last().isEqualTo((long) size);
    }

    @Test
    void stream_sendsTheBytesAsTheyAreMade_andClosesWithTheirDigest() throws IOException {
        byte[] blob = new byte[3_000_000];
        new Random(7).nextBytes(blob);
        Digest digest = Digest.sha256(blob);
        var sent = BlobUpload.stream(client(), out -> {
            for (int i = 0; i < blob.length; i += 100_000) {
                out.write(blob, i, 100_000);
            }
            return Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, blob.length, digest);
        }, null);

        assertThat(sent).map(Descriptor::digest).contains(digest.toString());
        assertThat(String.join("|", requests)).isEqualTo("POST 0|PATCH 3000000|PUT 0");
        assertThat(finished).isEqualTo("digest=" + digest);
    }

    @Test
    void stream_whoseProducerFails_isNotClosed() {
        var failing = org.assertj.core.api.Assertions.catchThrowable(() -> BlobUpload.stream(client(), out -> {
            out.write(new byte[1_000_000]);
            throw new IOException("disk on fire");
        }, null));

        assertThat(failing).isInstanceOf(IOException.class);
        assertThat(requests).noneMatch(r -> r.startsWith("PUT"));
    }

    @Test
    void tagPages_followTheLinkHeader() {
        assertThat(TagList.next("</v2/repo/tags/list?last=b&n=2>; rel=\"next\"")).contains("/v2/repo/tags/list?last=b&n=2");
        assertThat(TagList.next(null)).isEmpty();
        assertThat(TagList.next("<x>; rel=\"prev\"")).isEmpty();
    }
}
