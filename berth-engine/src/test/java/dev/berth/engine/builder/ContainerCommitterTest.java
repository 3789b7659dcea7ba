package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Json;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.engine.images.ImageConfig.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerCommitterTest {

    @TempDir
    Path upper;

    private static ContainerConfig config(Map<String, Object> fields) {
        return Json.MAPPER.convertValue(fields, ContainerConfig.class);
    }

    @Test
    void runConfig_keepsTheImageFieldsOfTheContainer_andDropsItsOwn() {
        RunConfig run = ContainerCommitter.runConfig(config(Map.of("Hostname", "abc", "Image", "busybox",
                "Tty", true, "Env", List.of("A=1"), "Cmd", List.of("sh"), "WorkingDir", "/w")), null);
        assertThat(run.env()).containsExactly("A=1");
        assertThat(run.cmd()).containsExactly("sh");
        assertThat(run.workingDir()).isEqualTo("/w");
        assertThat(run.extra()).isEmpty();
    }

    @Test
    void runConfig_mergesTheRequestBodyOverTheContainer() {
        RunConfig run = ContainerCommitter.runConfig(
                config(Map.of("Env", List.of("A=1", "B=2"), "Cmd", List.of("sh"), "User", "nobody")),
                config(Map.of("Env", List.of("B=3"), "Cmd", List.of("top"))));
        assertThat(run.env()).containsExactly("A=1", "B=3");
        assertThat(run.cmd()).containsExactly("top");
        assertThat(run.user()).isEqualTo("nobody");
    }

    @Test
    void placeholders_areSkipped_butRealChangesInEtcAreNot() throws Exception {
        Files.createDirectories(upper.resolve("etc"));
        Files.createFile(upper.resolve("etc/hosts"));
        Files.createFile(upper.resolve("etc/hostname"));
        var skip = MountPlaceholders.skipIn(upper);
        assertThat(skip).accepts("etc/hosts", "etc/hostname", "etc").rejects("etc/resolv.conf", "etc/passwd");

        Files.writeString(upper.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
        Files.writeString(upper.resolve("etc/resolv.conf"), "nameserver 10.0.0.1\n"); // written by the user: kept
        skip = MountPlaceholders.skipIn(upper);
        assertThat(skip).accepts("etc/hosts", "etc/hostname").rejects("etc", "etc/passwd", "etc/resolv.conf");
    }
}
