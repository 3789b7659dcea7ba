package dev.berth.api.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Json;
import dev.berth.api.Timestamps;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The JSON keys are dockerd's, whatever Java calls the fields. */
class WireNamesTest {

    @Test
    void containerConfig_readsTheKeysTheDockerCliSends() throws Exception {
        String body = """
                {"Hostname":"","User":"1000","AttachStdout":true,"Tty":false,"OpenStdin":false,
                 "Env":["A=1"],"Cmd":["echo","hi"],"Image":"busybox","WorkingDir":"/tmp",
                 "Entrypoint":null,"Labels":{"k":"v"},"StopSignal":"SIGINT","StopTimeout":3,
                 "HostConfig":{"AutoRemove":true,"UTSMode":"","ContainerIDFile":""}}""";
        ContainerConfig c = Json.MAPPER.readValue(body, ContainerConfig.class);
        assertThat(c.user()).isEqualTo("1000");
        assertThat(c.cmd()).containsExactly("echo", "hi");
        assertThat(c.labels()).containsEntry("k", "v");
        assertThat(c.stopTimeout()).isEqualTo(3);
        HostConfig h = Json.MAPPER.treeToValue(Json.MAPPER.readTree(body).get("HostConfig"), HostConfig.class);
        assertThat(h.isAutoRemove()).isTrue();
    }

    @Test
    void hostConfig_writesDockersKeys() throws Exception {
        String json = Json.MAPPER.writeValueAsString(HostConfig.empty());
        assertThat(json).isEqualTo("{}");
    }

    @Test
    void timestamps_areRfc3339WithTrimmedNanos() {
        assertThat(Timestamps.format(Instant.parse("2026-11-28T23:01:02.120Z"))).isEqualTo("2026-11-28T23:01:02.12Z");
        assertThat(Timestamps.format(Instant.parse("2026-11-28T23:01:02Z"))).isEqualTo("2026-11-28T23:01:02Z");
        assertThat(Timestamps.format(null)).isEqualTo(Timestamps.ZERO);
        assertThat(Timestamps.parse("2026-11-28T23:01:02.123456789Z"))
                .isEqualTo(Instant.parse("2026-11-28T23:01:02.123456789Z"));
        assertThat(Timestamps.parse(Timestamps.ZERO)).isNull();
    }
}
