package dev.berth.compose.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Debouncing with a fake clock (milliseconds as nanoseconds). */
class ChangeBatcherTest {

    private static final long MS = 1_000_000L;
    private final ChangeBatcher batcher = new ChangeBatcher(Duration.ofMillis(500), Duration.ofSeconds(3));

    @Test
    void burst_isOneBatchAfterTheQuietPeriod() {
        batcher.add(Path.of("/a"), 0);
        batcher.add(Path.of("/b"), 200 * MS);
        batcher.add(Path.of("/a"), 400 * MS);
        assertThat(batcher.ready(800 * MS)).isFalse();
        assertThat(batcher.nanosUntilReady(800 * MS)).isEqualTo(100 * MS);
        assertThat(batcher.ready(900 * MS)).isTrue();
        assertThat(batcher.drain()).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(batcher.ready(5_000 * MS)).isFalse();
        assertThat(batcher.nanosUntilReady(5_000 * MS)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void steadyStream_isCutAtTheLongestWait() {
        for (long t = 0; t <= 2_900; t += 100) {
            batcher.add(Path.of("/log" + t), t * MS);
            assertThat(batcher.ready(t * MS)).isFalse();
        }
        assertThat(batcher.ready(3_000 * MS)).isTrue();
        assertThat(batcher.drain()).hasSize(30);
    }
}
