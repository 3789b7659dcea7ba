package dev.berth.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineClientTest {

    @ParameterizedTest(name = "server {0} -> {1}")
    @CsvSource({"1.50,1.50", "1.43,1.43", "1.52,1.50", "1.9,1.9", ",1.24"})
    void negotiation_usesTheOlderOfServerAndClient(String server, String expected) throws IOException {
        FakeTransport t = new FakeTransport().pingVersion(server).json("GET", "^/v[0-9.]+/version$", "{}");
        EngineClient client = new EngineClient(t);
        client.version();
        assertThat(client.apiVersion()).hasToString(expected);
        assertThat(t.calls()).containsExactly("GET /v" + expected + "/version");
        assertThat(t.requests.getFirst().method()).isEqualTo("HEAD");
    }

    @Test
    void negotiation_pingsOnlyOnce() throws IOException {
        FakeTransport t = new FakeTransport().json("GET", "/version$", "{}");
        EngineClient client = new EngineClient(t);
        client.version();
        client.version();
        assertThat(t.requests.stream().filter(r -> r.target().equals("/_ping")).count()).isEqualTo(1);
    }

    @Test
    void error_keepsTheDaemonsMessage() {
        FakeTransport t = new FakeTransport().on("POST", "/containers/x/start$", 404, "application/json",
                "{\"message\":\"No such container: x\"}");
        assertThatThrownBy(() -> new EngineClient(t).containers().start("x"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.isNotFound()).isTrue();
                })
                .hasMessage("No such container: x");
    }

    @Test
    void error_withTextBody_isTheText() {
        FakeTransport t = new FakeTransport().on("DELETE", "/containers/x", 500, "text/plain", "boom\n");
        assertThatThrownBy(() -> new EngineClient(t).containers().remove("x", false, false)).hasMessage("boom");
    }

    @Test
    void error_withEmptyBody_saysWhichRoute() {
        FakeTransport t = new FakeTransport().on("POST", "/containers/x/kill", 400, null, "");
        assertThatThrownBy(() -> new EngineClient(t).containers().kill("x", null))
                .hasMessage("request returned 400 for API route and version POST /v1.50/containers/x/kill,"
                        + " check if the server supports the requested API version");
    }

    @Test
    void create_sendsConfigAtTopLevelAndHostConfigInside() throws IOException {
        FakeTransport t = new FakeTransport().on("POST", "/containers/create", 201, "application/json",
                "{\"Id\":\"abc\",\"Warnings\":[]}");
        ContainerConfig config = Json.MAPPER.convertValue(Map.of("Image", "busybox", "Cmd", List.of("true")), ContainerConfig.class);
        HostConfig host = Json.MAPPER.convertValue(Map.of("AutoRemove", true), HostConfig.class);
        assertThat(new EngineClient(t).containers().create("web", config, host).id()).isEqualTo("abc");
        FakeTransport.Recorded r = t.last("POST", "/containers/create");
        assertThat(r.target()).isEqualTo("/v1.50/containers/create?name=web");
        assertThat(r.headers()).containsEntry("Content-Type", "application/json");
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.get("Image").asText()).isEqualTo("busybox");
        assertThat(body.get("Cmd").get(0).asText()).isEqualTo("true");
        assertThat(body.get("HostConfig").get("AutoRemove").asBoolean()).isTrue();
        assertThat(body.has("Config")).isFalse();
    }

    @Test
    void list_encodesFlagsAndFilters() throws IOException {
        FakeTransport t = new FakeTransport().json("GET", "/containers/json", "[]");
        new EngineClient(t).containers().list(new ContainerListOptions(true, 3, true,
                Filters.parse(List.of("status=exited"))));
        assertThat(t.calls()).containsExactly(
                "GET /v1.50/containers/json?all=1&limit=3&size=1&filters=%7B%22status%22%3A%7B%22exited%22%3Atrue%7D%7D");
    }

    @Test
    void imageNames_keepSlashesAndColonsInPaths() throws IOException {
        FakeTransport t = new FakeTransport().json("GET", "/images/", "{\"Id\":\"sha256:1\"}")
                .on("POST", "/tag", 201, null, "");
        EngineClient client = new EngineClient(t);
        client.images().inspect("localhost:5000/team/app:1.0");
        client.images().tag("busybox", "my repo/x", "v 1");
        assertThat(t.calls()).containsExactly(
                "GET /v1.50/images/localhost:5000/team/app:1.0/json",
                "POST /v1.50/images/busybox/tag?repo=my+repo%2Fx&tag=v+1");
    }

    @Test
    void wait_returnsTheStatusCode() throws IOException {
        FakeTransport t = new FakeTransport().json("POST", "/wait\\?condition=next-exit$", "{\"StatusCode\":3,\"Error\":null}");
        try (PendingWait wait = new EngineClient(t).containers().await("c1", WaitCondition.NEXT_EXIT)) {
            assertThat(wait.result().statusCode()).isEqualTo(3);
        }
    }

    @Test
    void attach_asksForAnUpgrade() throws IOException {
        FakeTransport t = new FakeTransport().on("POST", "/attach", 101, null, "");
        new EngineClient(t).containers().attach("c1", AttachOptions.forRun(true)).close();
        FakeTransport.Recorded r = t.last("POST", "/attach");
        assertThat(r.target()).isEqualTo("/v1.50/containers/c1/attach?stream=1&stdin=1&stdout=1&stderr=1");
        assertThat(r.headers()).containsEntry("Upgrade", "tcp").containsEntry("Connection", "Upgrade");
    }

    @Test
    void attach_refused_isAnApiException() {
        FakeTransport t = new FakeTransport().on("POST", "/attach", 409, "application/json",
                "{\"message\":\"container is paused\"}");
        assertThatThrownBy(() -> new EngineClient(t).containers().attach("c1", AttachOptions.forRun(false)))
                .isInstanceOf(ApiException.class).hasMessage("container is paused");
    }

    @Test
    void importAndSave_sendTheDockerQueries() throws IOException {
        FakeTransport t = new FakeTransport()
                .json("POST", "/images/create", "{\"status\":\"sha256:abc\"}\n")
                .on("GET", "/images/get", 200, "application/x-tar", "TAR");
        EngineClient client = new EngineClient(t);
        try (JsonMessageStream messages = client.images().importImage(new ByteArrayInputStream("tar".getBytes()),
                new ImportOptions("base", "1", "hi", List.of("CMD [\"sh\"]")))) {
            assertThat(messages.next().status()).isEqualTo("sha256:abc");
            assertThat(messages.next()).isNull();
        }
        assertThat(new String(client.images().save(List.of("a:1", "b")).readAllBytes())).isEqualTo("TAR");
        assertThat(t.calls()).containsExactly(
                "POST /v1.50/images/create?fromSrc=-&repo=base&tag=1&message=hi&changes=CMD+%5B%22sh%22%5D",
                "GET /v1.50/images/get?names=a%3A1&names=b");
        assertThat(t.last("POST", "/images/create").bodyText()).isEqualTo("tar");
    }

    @Test
    void bootstrap_readsTheImageId() throws IOException {
        FakeTransport t = new FakeTransport().json("POST", "/berth/images/bootstrap\\?name=busybox$", "{\"Id\":\"sha256:b0\"}");
        assertThat(new EngineClient(t).images().bootstrap("busybox")).isEqualTo("sha256:b0");
    }

    @Test
    void build_sendsPullAndNoCacheAsFlags() throws IOException {
        FakeTransport t = new FakeTransport().json("POST", "/build", "");
        BuildOptions options = new BuildOptions(List.of("app:1"), "Dockerfile", Map.of(), Map.of(), null, true, false,
                null, List.of(), true);
        try (JsonMessageStream messages = new EngineClient(t).images().build(new ByteArrayInputStream(new byte[0]), options)) {
            assertThat(messages.next()).isNull();
        }
        assertThat(t.calls()).containsExactly("POST /v1.50/build?t=app%3A1&dockerfile=Dockerfile&nocache=1&pull=1&rm=1");
    }
}
