package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountPointsTest {

    @TempDir
    Path dir;

    @Test
    void aTargetTheImageLacked_goesWithTheDirectoriesMadeForIt() throws Exception {
        Path lower = Files.createDirectories(dir.resolve("lower/root"));
        Path upper = Files.createDirectories(dir.resolve("upper/root/.cache/pip"));
        Files.setAttribute(upper.getParent().getParent(), "unix:mode", Files.getAttribute(lower, "unix:mode"));
        MountPoints.removeFrom(dir.resolve("upper"), List.of(dir.resolve("lower")), List.of("/root/.cache/pip"));
        assertThat(dir.resolve("upper")).isEmptyDirectory();
    }

    @Test
    void whatTheStepWrote_stays() throws Exception {
        Files.createDirectories(dir.resolve("lower/src"));
        Files.createDirectories(dir.resolve("upper/cache"));
        Files.writeString(dir.resolve("upper/out.txt"), "built");
        Files.writeString(Files.createDirectories(dir.resolve("upper/src")).resolve("gen.c"), "x");
        Files.createFile(dir.resolve("upper/empty-but-mine"));
        MountPoints.removeFrom(dir.resolve("upper"), List.of(dir.resolve("lower")),
                List.of("/cache", "/src/in", "/out.txt", "/src"));
        assertThat(dir.resolve("upper/cache")).doesNotExist();
        assertThat(dir.resolve("upper/out.txt")).hasContent("built");
        assertThat(dir.resolve("upper/src/gen.c")).exists();
        assertThat(dir.resolve("upper/empty-but-mine")).exists();
    }

    @Test
    void aTargetTheImageHas_staysWhenItsCopyIsInTheUpperDirectory() throws Exception {
        Files.createDirectories(dir.resolve("lower/app"));
        Files.createDirectories(dir.resolve("upper/app"));
        MountPoints.removeFrom(dir.resolve("upper"), List.of(dir.resolve("lower")), List.of("/app"));
        assertThat(dir.resolve("upper/app")).exists();
    }

    @Test
    void aParentWhoseModeTheStepChanged_stays() throws Exception {
        Files.createDirectories(dir.resolve("lower/opt"));
        Files.setAttribute(dir.resolve("lower/opt"), "unix:mode", 0755);
        Files.createDirectories(dir.resolve("upper/opt/cache"));
        Files.setAttribute(dir.resolve("upper/opt"), "unix:mode", 0777);
        MountPoints.removeFrom(dir.resolve("upper"), List.of(dir.resolve("lower")), List.of("/opt/cache"));
        assertThat(dir.resolve("upper/opt")).isEmptyDirectory();
    }
}
