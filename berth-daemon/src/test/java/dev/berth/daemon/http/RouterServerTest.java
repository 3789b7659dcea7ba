package dev.berth.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.http.HttpRequest;
import dev.berth.api.http.HttpResponse;
import dev.berth.api.http.UnixHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class RouterServerTest {
    @TempDir
    Path dir;

    @Test
    void router_servesMatchesAndAnswers404PageNotFound() throws IOException {
        Router router = new Router().route("GET", "/images/{name:.*}/json", (req, res, p) ->
                res.sendJson(200, (p.get("name") + "@" + p.apiVersion()).getBytes(StandardCharsets.UTF_8)));
        Path socket = dir.resolve("s.sock");
        try (UnixHttpServer _ = UnixHttpServer.start(socket, router, ServerOptions.defaults())) {
            UnixHttpClient client = new UnixHttpClient(socket);
            try (HttpResponse r = client.send(HttpRequest.get("/v1.50/images/localhost%3A5000/foo:tag/json"))) {
                assertThat(r.readBodyText()).isEqualTo("localhost:5000/foo:tag@1.50");
            }
            try (HttpResponse r = client.send(HttpRequest.get("/v1.50/nothing"))) {
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.contentType()).isEqualTo("application/json");
                assertThat(r.readBodyText()).isEqualTo("{\"message\":\"page not found\"}\n");
            }
        }
    }
}
