package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RootPathsTest {

    @TempDir
    Path tmp;

    private Path image;

    @BeforeEach
    void image() throws Exception {
        image = Files.createDirectories(tmp.resolve("image"));
        Files.createDirectories(image.resolve("srv/app"));
        Files.createSymbolicLink(image.resolve("app"), Path.of("/srv/app"));
        Files.createSymbolicLink(image.resolve("rel"), Path.of("srv"));
        Files.createDirectories(image.resolve("a/b"));
        Files.createSymbolicLink(image.resolve("a/b/up"), Path.of("../../srv"));
        Files.createSymbolicLink(image.resolve("escape"), Path.of("../../../../srv"));
        Files.createSymbolicLink(image.resolve("loop"), Path.of("loop"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a/b|a/b",
        "/a//b/|a/b",
        "./a/./b|a/b",
        "a/../b|b",
        "a/b/../../..|..",
        "../a|../a",
        "/|.",
        ".|.",
    })
    void clean_dropsEmptyAndDotParts_withoutTouchingTheDisk(String path, String expected) {
        assertThat(RootPaths.clean(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "/{0} -> /{1}")
    @CsvSource(delimiter = '|', value = {
        "app|srv/app",
        "app/x.txt|srv/app/x.txt",
        "rel/app|srv/app",
        "a/b/up/app/x|srv/app/x",
        "escape/app|srv/app",
        "none/x|none/x",
        ".|.",
    })
    void followInRoot_followsTheImagesLinks_insideTheRoot(String path, String expected) throws Exception {
        assertThat(RootPaths.followInRoot(image, path)).isEqualTo(expected);
    }

    @Test
    void followInRoot_linkLoop_fails() {
        assertThatThrownBy(() -> RootPaths.followInRoot(image, "loop/x"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("too many levels");
    }
}
