package dev.berth.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private static String json(Object value) {
        return new String(JsonValues.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void write_plainValues() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Image", "busybox");
        body.put("Cmd", List.of("sh", "-c", "echo \"hi\"\n"));
        body.put("Tty", false);
        body.put("StopTimeout", 3);
        body.put("Memory", 1L << 40);
        body.put("ExposedPorts", Map.of("80/tcp", Map.of()));
        body.put("Entrypoint", Arrays.asList((String) null));
        assertThat(json(body)).isEqualTo("{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo \\\"hi\\\"\\n\"],"
                + "\"Tty\":false,\"StopTimeout\":3,\"Memory\":1099511627776,\"ExposedPorts\":{\"80/tcp\":{}},"
                + "\"Entrypoint\":[null]}");
    }

    @Test
    void write_refusesOtherKinds() {
        assertThatThrownBy(() -> json(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answers_readWithoutObjectMapper() throws IOException {
        assertThat(ContainersClient.createResponse(JsonTrees.read("{\"Id\":\"abc\",\"Warnings\":[\"w\"]}".getBytes())))
                .satisfies(r -> {
                    assertThat(r.id()).isEqualTo("abc");
                    assertThat(r.warnings()).containsExactly("w");
                });
        assertThat(ContainersClient.createResponse(JsonTrees.read("{\"Id\":\"abc\",\"Warnings\":null}".getBytes()))
                .warnings()).isNull();
        assertThat(PendingWait.of(JsonTrees.read("{\"StatusCode\":137,\"Error\":null}".getBytes())))
                .satisfies(w -> {
                    assertThat(w.statusCode()).isEqualTo(137);
                    assertThat(w.error()).isNull();
                });
        assertThat(PendingWait.of(JsonTrees.read("{\"StatusCode\":0,\"Error\":{\"Message\":\"gone\"}}".getBytes()))
                .error().message()).isEqualTo("gone");
        assertThatThrownBy(() -> ContainersClient.createResponse(JsonTrees.read("[]".getBytes())))
                .isInstanceOf(IOException.class);
    }
}
