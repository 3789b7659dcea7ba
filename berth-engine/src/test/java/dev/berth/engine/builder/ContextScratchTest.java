package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.archive.TarBuilder;
import dev.berth.engine.error.InvalidArgumentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextScratchTest {

    @TempDir
    Path tmp;

    private ContextScratch scratch() throws IOException {
        return new ContextScratch(Files.createDirectories(tmp.resolve("disk")),
                Files.createDirectories(tmp.resolve("memory")), "ctx-");
    }

    @Test
    void smallPlainContextGoesToMemoryWithModesAndOwners() throws IOException {
        byte[] tar = new TarBuilder().dir("src").file("src/a.txt", "a", 0640, 1000, 1000).file("Dockerfile", "FROM x")
                .tar();
        Path dir = scratch().unpack(new ByteArrayInputStream(tar));
        assertThat(dir.getParent()).isEqualTo(tmp.resolve("memory"));
        assertThat(dir.resolve("src/a.txt")).hasContent("a");
        assertThat((int) Files.getAttribute(dir.resolve("src/a.txt"), "unix:mode") & 07777).isEqualTo(0640);
        assertThat((int) Files.getAttribute(dir.resolve("src/a.txt"), "unix:uid")).isEqualTo(1000);
        assertThat(dir.resolve("Dockerfile")).hasContent("FROM x");
    }

    @Test
    void compressedContextGoesToDisk() throws IOException {
        byte[] tgz = new TarBuilder().file("Dockerfile", "FROM x").tgz();
        Path dir = scratch().unpack(new ByteArrayInputStream(tgz));
        assertThat(dir.getParent()).isEqualTo(tmp.resolve("disk"));
        assertThat(dir.resolve("Dockerfile")).hasContent("FROM x");
    }

    @Test
    void largeContextIsStreamedToDisk() throws IOException {
        String big = "x".repeat(ContextScratch.MEMORY_LIMIT + 1);
        byte[] tar = new TarBuilder().file("big", big).file("Dockerfile", "FROM x").tar();
        Path dir = scratch().unpack(new ByteArrayInputStream(tar));
        assertThat(dir.getParent()).isEqualTo(tmp.resolve("disk"));
        assertThat(Files.size(dir.resolve("big"))).isEqualTo(big.length());
        assertThat(dir.resolve("Dockerfile")).hasContent("FROM x");
    }

    @Test
    void withoutMemoryEverythingGoesToDisk() throws IOException {
        ContextScratch scratch = new ContextScratch(Files.createDirectories(tmp.resolve("disk")), null, "ctx-");
        Path dir = scratch.unpack(new ByteArrayInputStream(new TarBuilder().file("Dockerfile", "FROM x").tar()));
        assertThat(dir.getParent()).isEqualTo(tmp.resolve("disk"));
    }

    @Test
    void refusedEntryLeavesNothingInMemory() throws IOException {
        ContextScratch scratch = scratch();
        byte[] tar = new TarBuilder().file("../escape", "x").tar();
        assertThatThrownBy(() -> scratch.unpack(new ByteArrayInputStream(tar)))
                .isInstanceOf(InvalidArgumentException.class);
        try (Stream<Path> left = Files.list(tmp.resolve("memory"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void discardDeletesTheTreeAndStaleTreesGoAtOpen() throws Exception {
        ContextScratch scratch = scratch();
        Path dir = scratch.unpack(new ByteArrayInputStream(new TarBuilder().file("a/b/c", "c").tar()));
        Path stale = scratch.unpack(new ByteArrayInputStream(new TarBuilder().file("d", "d").tar()));
        scratch.discard(dir);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Files.exists(dir) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(dir).doesNotExist();
        Path other = Files.createDirectory(tmp.resolve("memory/other"));
        scratch();
        assertThat(stale).doesNotExist();
        assertThat(other).exists();
    }
}
