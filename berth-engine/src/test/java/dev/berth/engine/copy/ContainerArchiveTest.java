package dev.berth.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.volumes.ContainerMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerArchiveTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            "0100644, 420",          // regular file: permission bits only
            "0040755, 2147484141",   // directory: 1<<31 | 0755
            "0120777, 134218239",    // symlink: 1<<27 | 0777
            "0104755, 8389101",      // setuid: 1<<23 | 0755
            "0041777, 2148532735"})  // sticky dir: 1<<31 | 1<<20 | 0777
    void goMode_usesGosFileModeBits(String stMode, long goMode) {
        assertThat(PathStat.goMode(Integer.parseInt(stMode, 8))).isEqualTo(goMode);
    }

    @Test
    void locate_keepsLinksInsideTheRoot_andMapsMountedPaths() throws Exception {
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        Files.createDirectories(rootfs.resolve("w"));
        Files.createDirectories(rootfs.resolve("etc"));
        Files.createSymbolicLink(rootfs.resolve("w/root"), Path.of("/"));
        Files.createSymbolicLink(rootfs.resolve("w/up"), Path.of("../../.."));
        Path volume = Files.createDirectories(tmp.resolve("vol"));
        var mount = new ContainerMount(ContainerMount.Type.VOLUME, "v", volume.toString(), "/data", false, "z", "",
                true, List.of(), false, true);
        assertThat(ContainerArchive.locate(rootfs, List.of(), "/w/root/etc/passwd").host())
                .isEqualTo(rootfs.resolve("etc/passwd"));
        assertThat(ContainerArchive.locate(rootfs, List.of(), "/w/up/x").host()).isEqualTo(rootfs.resolve("x"));
        assertThat(ContainerArchive.locate(rootfs, List.of(mount), "/data/f").host()).isEqualTo(volume.resolve("f"));
        assertThatThrownBy(() -> ContainerArchive.stat(rootfs, List.of(), "/nope"))
                .isInstanceOf(NotFoundException.class);
        assertThat(ContainerArchive.stat(rootfs, List.of(), "/w/root").linkTarget()).isEqualTo("/");
    }
}
