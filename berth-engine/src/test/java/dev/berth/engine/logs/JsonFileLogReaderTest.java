package dev.berth.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileLogReaderTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void log() throws Exception {
        file = dir.resolve("c-json.log");
        try (JsonFileLogWriter w = new JsonFileLogWriter(file)) {
            for (int i = 0; i < 10; i++) {
                LogStream s = i % 2 == 0 ? LogStream.STDOUT : LogStream.STDERR;
                w.append(s, ("line " + i + "\n").getBytes(StandardCharsets.UTF_8), T0.plusSeconds(i));
            }
        }
    }

    List<String> read(LogReadOptions options) throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        new JsonFileLogReader(file).read(options, e -> out.add(new String(e.bytes(), StandardCharsets.UTF_8)),
                () -> true);
        return out;
    }

    static LogReadOptions opts(boolean stdout, boolean stderr, Instant since, Instant until, int tail) {
        return new LogReadOptions(stdout, stderr, Optional.ofNullable(since), Optional.ofNullable(until), tail,
                false, false);
    }

    @Test
    void read_everything() throws Exception {
        assertThat(read(LogReadOptions.EVERYTHING)).hasSize(10).startsWith("line 0\n").endsWith("line 9\n");
    }

    @Test
    void read_tailCountsBothStreamsThenFilters() throws Exception {
        assertThat(read(opts(true, true, null, null, 3))).containsExactly("line 7\n", "line 8\n", "line 9\n");
        assertThat(read(opts(true, false, null, null, 3))).containsExactly("line 8\n");
        assertThat(read(opts(true, true, null, null, 0))).isEmpty();
        assertThat(read(opts(true, true, null, null, 100))).hasSize(10);
    }

    @Test
    void read_sinceIsInclusiveAndUntilStops() throws Exception {
        assertThat(read(opts(true, true, T0.plusSeconds(7), null, LogReadOptions.ALL)))
                .containsExactly("line 7\n", "line 8\n", "line 9\n");
        assertThat(read(opts(true, true, T0.plusSeconds(2), T0.plusSeconds(4), LogReadOptions.ALL)))
                .containsExactly("line 2\n", "line 3\n", "line 4\n");
        assertThat(read(opts(false, true, null, T0.plusSeconds(4), LogReadOptions.ALL)))
                .containsExactly("line 1\n", "line 3\n");
    }

    @Test
    void read_timestampsPrefixEachEntry() throws Exception {
        LogReadOptions o = new LogReadOptions(true, true, Optional.empty(), Optional.empty(), 1, false, true);
        assertThat(read(o)).containsExactly("2024-05-01T10:00:09Z line 9\n");
    }

    @Test
    void read_followSeesLaterLinesAndEndsWhenTheContainerStops() throws Exception {
        LogReadOptions follow = new LogReadOptions(true, true, Optional.empty(), Optional.empty(), 1, true, false);
        CompletableFuture<Void> exited = new CompletableFuture<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return new JsonFileLogReader(file).read(follow,
                        e -> seen.add(new String(e.bytes(), StandardCharsets.UTF_8)), exited::isDone);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, Thread::startVirtualThread);

        try (JsonFileLogWriter w = new JsonFileLogWriter(file); OutputStream out = w.stream(LogStream.STDOUT)) {
            awaitUntil(() -> seen.size() == 1);
            out.write("later 1\n".getBytes());
            awaitUntil(() -> seen.size() == 2);
            assertThat(reading).isNotDone();
            out.write("last words\n".getBytes());
        }
        exited.complete(null);
        assertThat(reading.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(seen).containsExactly("line 9\n", "later 1\n", "last words\n");
    }

    @Test
    void read_followOnAMissingFileWaitsForIt() throws Exception {
        Path later = dir.resolve("later-json.log");
        LogReadOptions follow = new LogReadOptions(true, true, Optional.empty(), Optional.empty(),
                LogReadOptions.ALL, true, false);
        CompletableFuture<Void> exited = new CompletableFuture<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return new JsonFileLogReader(later).read(follow,
                        e -> seen.add(new String(e.bytes(), StandardCharsets.UTF_8)), exited::isDone);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, Thread::startVirtualThread);
        try (JsonFileLogWriter w = new JsonFileLogWriter(later)) {
            w.append(LogStream.STDOUT, "hi\n".getBytes(), Instant.now());
        }
        exited.complete(null);
        reading.get(10, TimeUnit.SECONDS);
        assertThat(seen).containsExactly("hi\n");
        assertThat(Files.exists(later)).isTrue();
    }

    static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10s");
            }
            Thread.onSpinWait();
        }
    }
}
