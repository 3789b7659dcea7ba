package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampsTest {

    @TempDir
    Path root;

    @Test
    void clamp_setsNewerTimesToTheEpoch_andKeepsOlderOnes() throws Exception {
        Instant epoch = Instant.ofEpochSecond(1_700_000_000);
        Path dir = Files.createDirectories(root.resolve("new/dir"));
        Path old = Files.writeString(root.resolve("old.txt"), "o");
        Files.setLastModifiedTime(old, FileTime.from(Instant.ofEpochSecond(1_000_000_000)));
        Path link = Files.createSymbolicLink(root.resolve("link"), Path.of("old.txt"));

        Timestamps.clamp(root, epoch);

        assertThat(Files.getLastModifiedTime(dir).toInstant()).isEqualTo(epoch);
        assertThat(Files.getLastModifiedTime(root.resolve("new")).toInstant()).isEqualTo(epoch);
        assertThat(Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS).toInstant()).isEqualTo(epoch);
        assertThat(Files.getLastModifiedTime(old).toInstant()).isEqualTo(Instant.ofEpochSecond(1_000_000_000));
    }

    @Test
    void sourceDateEpoch_readsTheBuildArg() {
        assertThat(Timestamps.sourceDateEpoch(Map.of("SOURCE_DATE_EPOCH", "42"))).isEqualTo(Instant.ofEpochSecond(42));
        assertThat(Timestamps.sourceDateEpoch(Map.of("SOURCE_DATE_EPOCH", "soon"))).isNull();
        assertThat(Timestamps.sourceDateEpoch(Map.of())).isNull();
    }
}
