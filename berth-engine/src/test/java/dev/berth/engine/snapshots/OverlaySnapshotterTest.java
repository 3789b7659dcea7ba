package dev.berth.engine.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mounts overlayfs for real: needs root. */
class OverlaySnapshotterTest {

    @TempDir
    Path dir;

    @Test
    void mountData_listsLowersTopFirst() {
        assertThat(OverlaySnapshotter.mountData(List.of(Path.of("/l/2"), Path.of("/l/1")), Path.of("/c/diff"),
                Path.of("/c/work"))).isEqualTo("lowerdir=/l/2:/l/1,upperdir=/c/diff,workdir=/c/work");
    }

    @Test
    void mountData_pastOnePageFailsClearly() {
        List<Path> lowers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lowers.add(Path.of("/var/lib/berth/layers/" + "0123456789abcdef".repeat(4) + i + "/diff"));
        }
        assertThatThrownBy(() -> OverlaySnapshotter.mountData(lowers, Path.of("/u"), Path.of("/w")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("too many image layers to mount: overlay options for 60 layers");
    }

    @Test
    void mount_mergesLayersAndWritesGoToTheUpperDir() throws Exception {
        Path l1 = Files.createDirectories(dir.resolve("layers/1"));
        Path l2 = Files.createDirectories(dir.resolve("layers/2"));
        Files.writeString(l1.resolve("a"), "from l1");
        Files.writeString(l1.resolve("b"), "from l1");
        Files.writeString(l2.resolve("b"), "from l2");
        OverlaySnapshotter snapshotter = new OverlaySnapshotter(dir.resolve("empty"));
        RootfsLayers layers = new RootfsLayers(List.of(l2, l1), dir.resolve("rw/diff"), dir.resolve("rw/work"));
        Path target = dir.resolve("rootfs");
        try (MountedRootfs rootfs = snapshotter.mount(layers, target)) {
            assertThat(snapshotter.isMounted(rootfs.target())).isTrue();
            assertThat(Files.readString(target.resolve("a"))).isEqualTo("from l1");
            assertThat(Files.readString(target.resolve("b"))).isEqualTo("from l2");
            Files.writeString(target.resolve("c"), "new");
            assertThatThrownBy(() -> snapshotter.mount(layers, target)).isInstanceOf(ConflictException.class);
        }
        assertThat(snapshotter.isMounted(target)).isFalse();
        assertThat(Files.readString(dir.resolve("rw/diff/c"))).isEqualTo("new");
        assertThat(l1.resolve("c")).doesNotExist();
        snapshotter.unmount(target); // unmounting again does nothing
    }

    @Test
    void mount_withoutLayersUsesAnEmptyLower() throws Exception {
        OverlaySnapshotter snapshotter = new OverlaySnapshotter(dir.resolve("empty"));
        Path target = dir.resolve("rootfs");
        try (MountedRootfs rootfs = snapshotter.mount(
                new RootfsLayers(List.of(), dir.resolve("rw/diff"), dir.resolve("rw/work")), target)) {
            try (var list = Files.list(rootfs.target())) {
                assertThat(list).isEmpty();
            }
            Files.writeString(target.resolve("x"), "1");
        }
        assertThat(dir.resolve("rw/diff/x")).exists();
    }

    @Test
    void unmount_busyTargetIsDetached() throws Exception {
        Path lower = Files.createDirectories(dir.resolve("l"));
        Files.createDirectories(lower.resolve("sub"));
        OverlaySnapshotter snapshotter = new OverlaySnapshotter(dir.resolve("empty"));
        Path target = dir.resolve("rootfs");
        snapshotter.mount(new RootfsLayers(List.of(lower), dir.resolve("rw/diff"), dir.resolve("rw/work")), target);
        Process holder = new ProcessBuilder("sleep", "100").directory(target.resolve("sub").toFile()).start();
        try {
            snapshotter.unmount(target);
            assertThat(snapshotter.isMounted(target)).isFalse();
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }
}
