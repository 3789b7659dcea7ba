package dev.berth.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileLogWriterTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void stream_writesOneDockerJsonObjectPerLine() throws Exception {
        Path file = dir.resolve("c-json.log");
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00.123400Z"), ZoneOffset.UTC);
        try (JsonFileLogWriter w = new JsonFileLogWriter(file, clock)) {
            try (OutputStream out = w.stream(LogStream.STDOUT)) {
                out.write("hel".getBytes(StandardCharsets.UTF_8));
                out.write("lo\nwor".getBytes(StandardCharsets.UTF_8));
                out.write("ld\n\"quoted\" \u00e9\nno newline".getBytes(StandardCharsets.UTF_8));
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).containsExactly(
                "{\"log\":\"hello\\n\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00.1234Z\"}",
                "{\"log\":\"world\\n\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00.1234Z\"}",
                "{\"log\":\"\\\"quoted\\\" \u00e9\\n\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00.1234Z\"}",
                "{\"log\":\"no newline\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00.1234Z\"}");
    }

    @Test
    void stream_splitsLinesLongerThan16KiB() throws Exception {
        Path file = dir.resolve("c-json.log");
        try (JsonFileLogWriter w = new JsonFileLogWriter(file)) {
            w.copy(new ByteArrayInputStream(("x".repeat(40_000) + "\n").getBytes()), LogStream.STDERR);
        }
        List<Integer> sizes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(line);
            assertThat(n.get("stream").asText()).isEqualTo("stderr");
            sizes.add(n.get("log").asText().length());
        }
        assertThat(sizes).containsExactly(16384, 16384, 40_000 - 32768 + 1);
    }

    @Test
    void streams_fromTwoThreadsNeverInterleaveWithinALine() throws Exception {
        Path file = dir.resolve("c-json.log");
        CountDownLatch go = new CountDownLatch(1);
        try (JsonFileLogWriter w = new JsonFileLogWriter(file)) {
            Thread[] threads = new Thread[2];
            for (LogStream s : LogStream.values()) {
                threads[s.ordinal()] = Thread.startVirtualThread(() -> {
                    try (OutputStream out = w.stream(s)) {
                        go.await();
                        for (int i = 0; i < 500; i++) {
                            out.write((s.wireName() + " line " + i + "\n").getBytes());
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1000);
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            assertThat(n.get("log").asText()).startsWith(n.get("stream").asText() + " line ");
        }
    }

    @Test
    void timestamps_useGoRfc3339NanoWithoutTrailingZeros() {
        assertThat(LogTimestamps.format(Instant.parse("2024-05-01T10:00:00Z"))).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(LogTimestamps.format(Instant.parse("2024-05-01T10:00:00.000000001Z")))
                .isEqualTo("2024-05-01T10:00:00.000000001Z");
        assertThat(LogTimestamps.format(Instant.parse("2024-05-01T10:00:00.5Z"))).isEqualTo("2024-05-01T10:00:00.5Z");
        assertThat(LogTimestamps.parse("2024-05-01T10:00:00.5Z")).isEqualTo(Instant.parse("2024-05-01T10:00:00.5Z"));
    }
}
