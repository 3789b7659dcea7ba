package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.build.DockerIgnore;
import dev.berth.engine.error.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyStepTest {

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
        assertThat(CopyStep.followInRoot(image, path)).isEqualTo(expected);
    }

    @Test
    void followInRoot_linkLoop_fails() {
        assertThatThrownBy(() -> CopyStep.followInRoot(image, "loop/x"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("too many levels");
    }

    @Test
    void write_intoALinkToADirectory_writesThroughTheLink() throws Exception {
        Path context = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(context.resolve("x.txt"), "x");
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        CopyStep step = new CopyStep("COPY", false, context, DockerIgnore.none(), true, null, null, null);

        step.write(step.sources(List.of("x.txt")), "/app/", staging, image);
        step.write(step.sources(List.of("x.txt")), "/app", staging, image);

        assertThat(staging.resolve("srv/app/x.txt")).hasContent("x");
        assertThat(staging.resolve("app")).doesNotExist();
    }
}
