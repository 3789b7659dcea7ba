package dev.berth.engine.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsPathTest {

    @TempDir
    Path root;

    @Test
    void resolve_followsLinksInsideTheRoot() throws Exception {
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("usr/bin/busybox"), "");
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(root.resolve("usr/bin/sh"), Path.of("/usr/bin/busybox"));
        assertThat(RootfsPath.resolve(root, "/bin/sh")).contains(root.resolve("usr/bin/busybox"));
    }

    @Test
    void resolve_neverLeavesTheRoot() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hostname"), "inside");
        Files.createSymbolicLink(root.resolve("up"), Path.of("../../../../../../etc"));
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/etc"));
        assertThat(RootfsPath.resolve(root, "/up/hostname")).contains(root.resolve("etc/hostname"));
        assertThat(RootfsPath.resolve(root, "/abs/hostname")).contains(root.resolve("etc/hostname"));
        assertThat(RootfsPath.resolve(root, "/../../etc/hostname")).contains(root.resolve("etc/hostname"));
        assertThat(RootfsPath.resolve(root, "/abs/passwd")).isEmpty();
    }

    @Test
    void resolve_loopingLinksAreMissing() throws Exception {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
        assertThat(RootfsPath.resolve(root, "/a")).isEmpty();
    }
}
