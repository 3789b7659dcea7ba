package dev.berth.engine.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.error.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageConfigTest {

    private static final String DOCKER_CONFIG = """
            {"architecture":"amd64","config":{"Hostname":"","Env":["PATH=/bin"],"Cmd":["sh"],"ArgsEscaped":true,
            "Healthcheck":{"Test":["CMD","true"],"Interval":1000000000,"Retries":3},"OnBuild":null,
            "Labels":{"a":"b"},"ExposedPorts":{"80/tcp":{}}},"container":"abc","created":"2024-05-01T10:00:00.123456789Z",
            "docker_version":"24.0.0","history":[{"created":"2024-05-01T10:00:00Z","created_by":"/bin/sh -c #(nop) CMD [\\"sh\\"]","empty_layer":true}],
            "os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}
            """.formatted("a".repeat(64));

    @Test
    void parse_readsDockerConfigsAndKeepsUnknownFields() throws Exception {
        ImageConfig c = ImageConfig.parse(DOCKER_CONFIG.getBytes(StandardCharsets.UTF_8));
        assertThat(c.config().cmd()).containsExactly("sh");
        assertThat(c.config().healthcheck().interval()).isEqualTo(1_000_000_000L);
        assertThat(c.history().getFirst().emptyLayer()).isTrue();
        assertThat(c.diffIds()).hasSize(1);
        assertThat(c.createdAt().getNano()).isEqualTo(123_456_789);
        JsonNode written = Json.MAPPER.readTree(c.toBytes());
        assertThat(written.path("docker_version").asText()).isEqualTo("24.0.0");
        assertThat(written.path("container").asText()).isEqualTo("abc");
        assertThat(written.path("config").path("ArgsEscaped").asBoolean()).isTrue();
        assertThat(written.path("config").path("Hostname").isTextual()).isTrue();
        assertThat(written.path("rootfs").path("diff_ids").size()).isEqualTo(1);
    }

    @Test
    void parse_refusesGarbage() {
        assertThatThrownBy(() -> ImageConfig.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CMD echo hi           | cmd        | [/bin/sh, -c, echo hi]
            CMD ["a","b"]         | cmd        | [a, b]
            ENTRYPOINT ["/init"]  | entrypoint | [/init]
            ENV K V with space    | env        | [K=V with space]
            ENV A=1 B='x y'       | env        | [A=1, B=x y]
            VOLUME /data /logs    | volumes    | {/data={}, /logs={}}
            EXPOSE 8080/UDP       | ports      | {8080/udp={}}
            STOPSIGNAL SIGKILL    | stop       | SIGKILL
            """)
    void changes_applyDockerfileLikeInstructions(String change, String field, String expected) {
        ImageConfig.RunConfig c = ConfigChanges.apply(ImageConfig.RunConfig.empty(), List.of(change));
        Object actual = switch (field) {
            case "cmd" -> c.cmd();
            case "entrypoint" -> c.entrypoint();
            case "env" -> c.env();
            case "volumes" -> c.volumes();
            case "ports" -> c.exposedPorts();
            default -> c.stopSignal();
        };
        assertThat(String.valueOf(actual)).isEqualTo(expected);
    }

    @Test
    void changes_refuseUnknownInstructions() {
        assertThatThrownBy(() -> ConfigChanges.apply(ImageConfig.RunConfig.empty(), List.of("RUN rm -rf /")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("run is not a valid change command");
    }
}
