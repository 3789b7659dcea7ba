package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.build.DockerIgnore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyStepTest {

    @TempDir
    Path tmp;

    @Test
    void write_intoALinkToADirectory_writesThroughTheLink() throws Exception {
        Path image = Files.createDirectories(tmp.resolve("image/srv/app")).getParent().getParent();
        Files.createSymbolicLink(image.resolve("app"), Path.of("/srv/app"));
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
