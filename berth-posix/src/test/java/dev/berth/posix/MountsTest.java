package dev.berth.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs root (CAP_SYS_ADMIN), as the engine does. */
class MountsTest {

    @TempDir
    Path dir;

    @Test
    void mount_tmpfsIsVisibleUntilUnmounted() throws Exception {
        Path target = Files.createDirectory(dir.resolve("t"));
        Mounts.mount("tmpfs", target, "tmpfs", Mounts.MS_NOSUID | Mounts.MS_NODEV, "size=1m,mode=700");
        try {
            assertThat(mountinfoHas(target)).isTrue();
            Files.writeString(target.resolve("f"), "x");
        } finally {
            Mounts.unmount(target, 0);
        }
        assertThat(mountinfoHas(target)).isFalse();
        assertThat(target.resolve("f")).doesNotExist();
    }

    @Test
    void mount_readOnlyBindRejectsWrites() throws Exception {
        Path source = Files.createDirectory(dir.resolve("src"));
        Path target = Files.createDirectory(dir.resolve("dst"));
        Files.writeString(source.resolve("f"), "hello");
        Mounts.mount(source.toString(), target, null, Mounts.MS_BIND, null);
        try {
            Mounts.mount(null, target, null,
                    Mounts.MS_BIND | Mounts.MS_REMOUNT | Mounts.MS_RDONLY, null);
            assertThat(Files.readString(target.resolve("f"))).isEqualTo("hello");
            assertThatThrownBy(() -> Files.writeString(target.resolve("g"), "x"))
                    .hasMessageContaining("Read-only");
        } finally {
            Mounts.unmount(target, Mounts.MNT_DETACH);
        }
    }

    @Test
    void mount_missingTargetFailsWithEnoent() {
        assertThatThrownBy(() -> Mounts.mount("tmpfs", dir.resolve("missing"), "tmpfs", 0, null))
                .isInstanceOfSatisfying(PosixException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                    assertThat(e.getMessage()).contains("mount(", "missing", "ENOENT");
                });
    }

    @Test
    void unmount_notAMountPointFailsWithEinval() {
        assertThatThrownBy(() -> Mounts.unmount(dir, 0))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }

    private static boolean mountinfoHas(Path target) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .anyMatch(l -> l.split(" ")[4].equals(target.toString()));
    }
}
