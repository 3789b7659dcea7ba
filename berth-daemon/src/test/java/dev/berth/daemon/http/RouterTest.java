package dev.berth.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final RouteHandler NOOP = (req, res, p) -> {};

    /** Registered in an order that would go wrong if registration order decided. */
    private static Router router() {
        return new Router()
                .route("GET", "/images/{name:.*}/json", NOOP)
                .route("GET", "/images/json", NOOP)
                .route("POST", "/images/{name:.*}/push", NOOP)
                .route("POST", "/images/{name:.*}/tag", NOOP)
                .route("DELETE", "/images/{name:.*}", NOOP)
                .route("GET", "/containers/json", NOOP)
                .route("GET", "/containers/{id}/json", NOOP)
                .route("POST", "/containers/{id}/attach", NOOP)
                .route("GET", "/_ping", NOOP)
                .route("HEAD", "/_ping", NOOP);
    }

    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("GET", "/images/json", "/images/json", Map.of(), null),
                Arguments.of("GET", "/v1.50/images/json", "/images/json", Map.of(), "1.50"),
                Arguments.of("GET", "/images/alpine/json", "/images/{name:.*}/json", Map.of("name", "alpine"), null),
                Arguments.of("GET", "/v1.44/images/localhost:5000/foo/bar:tag/json", "/images/{name:.*}/json",
                        Map.of("name", "localhost:5000/foo/bar:tag"), "1.44"),
                Arguments.of("GET", "/images/json/json", "/images/{name:.*}/json", Map.of("name", "json"), null),
                Arguments.of("POST", "/images/docker.io/library/alpine:3/push", "/images/{name:.*}/push",
                        Map.of("name", "docker.io/library/alpine:3"), null),
                Arguments.of("DELETE", "/v1.50/images/sha256:abc", "/images/{name:.*}", Map.of("name", "sha256:abc"), "1.50"),
                Arguments.of("GET", "/containers/json", "/containers/json", Map.of(), null),
                Arguments.of("GET", "/v1.24/containers/web/json", "/containers/{id}/json", Map.of("id", "web"), "1.24"),
                Arguments.of("POST", "/containers/abc/attach", "/containers/{id}/attach", Map.of("id", "abc"), null),
                Arguments.of("HEAD", "/_ping", "/_ping", Map.of(), null),
                Arguments.of("GET", "/v1.50/_ping", "/_ping", Map.of(), "1.50"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("matches")
    void resolve_findsRouteVariablesAndVersion(String method, String path, String template,
            Map<String, String> vars, String version) {
        Router.Match m = router().resolve(method, path);
        assertThat(m).isNotNull();
        assertThat(m.params().template()).isEqualTo(template);
        assertThat(m.params().variables()).isEqualTo(vars);
        assertThat(m.params().apiVersion()).isEqualTo(version);
    }

    static Stream<Arguments> misses() {
        return Stream.of(
                Arguments.of("GET", "/nope"),
                Arguments.of("GET", "/containers/a/b/json"), // {id} is one segment
                Arguments.of("POST", "/containers/json"), // known path, wrong method
                Arguments.of("GET", "/vX/containers/json"),
                Arguments.of("GET", "/v1.50"),
                Arguments.of("GET", "/containers/json/"),
                Arguments.of("GET", "/v1.50/v1.50/containers/json"),
                Arguments.of("PUT", "/_ping"));
    }

    @ParameterizedTest(name = "{0} {1} -> 404")
    @MethodSource("misses")
    void resolve_returnsNullForUnknownPathOrMethod(String method, String path) {
        assertThat(router().resolve(method, path)).isNull();
    }

    @Test
    void route_rejectsBadTemplates() {
        assertThatThrownBy(() -> new Router().route("GET", "containers", NOOP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Router().route("GET", "/a/{id", NOOP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Router().route("GET", "/a/{id}/{id}", NOOP)).isInstanceOf(IllegalArgumentException.class);
    }
}
