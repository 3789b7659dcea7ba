package dev.berth.engine.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void write_replacesContentAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("sub/record.json");
        AtomicFiles.write(target, "one".getBytes());
        AtomicFiles.write(target, "two".getBytes());
        assertThat(Files.readString(target)).isEqualTo("two");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void removeLeftovers_deletesOnlyTemporaryFiles() throws Exception {
        Files.writeString(dir.resolve(".tmp-record.json-1234"), "half");
        Files.writeString(dir.resolve("record.json"), "whole");
        AtomicFiles.removeLeftovers(dir);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("record.json"));
        }
    }
}
