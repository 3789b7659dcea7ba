package dev.berth.engine.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.content.LocalContentStore;
import dev.berth.engine.layers.LocalLayerStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class BusyboxImageTest {

    private static final Path BUSYBOX = Path.of("/bin/busybox");

    @TempDir
    Path root;

    @Test
    void bootstrap_buildsARunnableLayerAndTheSameIdEveryTime() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BUSYBOX), "busybox-static is installed");
        LocalLayerStore layers = new LocalLayerStore(root.resolve("a/layers"));
        LocalImageStore store = new LocalImageStore(root.resolve("a/images"),
                new LocalContentStore(root.resolve("a/content")), layers, id -> false);

        Image image = store.bootstrapBusybox(BUSYBOX);

        assertThat(image.repoTags()).containsExactly("busybox:latest");
        assertThat(store.get("busybox").id()).isEqualTo(image.id());
        assertThat(image.config().config().cmd()).containsExactly("sh");
        assertThat(image.config().config().env())
                .containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        Path diff = layers.diffPath(image.topLayer());
        Object busyboxInode = Files.getAttribute(diff.resolve("bin/busybox"), "unix:ino", LinkOption.NOFOLLOW_LINKS);
        assertThat(Files.getAttribute(diff.resolve("bin/sh"), "unix:ino", LinkOption.NOFOLLOW_LINKS)).isEqualTo(busyboxInode);
        assertThat(Files.mismatch(diff.resolve("bin/busybox"), BUSYBOX)).isEqualTo(-1L);
        assertThat(diff.resolve("etc/passwd")).content().startsWith("root:x:0:0:root:/root:/bin/sh\n").contains("nobody:x:65534");
        assertThat(diff.resolve("etc/group")).content().contains("root:x:0:");
        assertThat((int) Files.getAttribute(diff.resolve("tmp"), "unix:mode") & 07777).isEqualTo(01777);
        for (String d : List.of("root", "home", "var", "proc", "sys", "dev", "etc", "usr/bin", "sbin")) {
            assertThat(diff.resolve(d)).isDirectory();
        }

        LocalImageStore other = new LocalImageStore(root.resolve("b/images"),
                new LocalContentStore(root.resolve("b/content")), new LocalLayerStore(root.resolve("b/layers")), id -> false);
        assertThat(other.bootstrapBusybox(BUSYBOX).id()).as("deterministic").isEqualTo(image.id());
    }
}
