package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.engine.runtime.spec.ResolvedUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLauncherTest {

    @TempDir
    Path rootfs;

    @Test
    void insideRootfs_appendsMissingComponentsToTheDeepestExistingOne() throws Exception {
        Files.createDirectories(rootfs.resolve("srv"));
        assertThat(TaskLauncher.insideRootfs(rootfs, "/srv/app/data")).isEqualTo(rootfs.resolve("srv/app/data"));
        assertThat(TaskLauncher.insideRootfs(rootfs, "/")).isEqualTo(rootfs);
    }

    @Test
    void insideRootfs_neverFollowsALinkOutOfTheRootfs() throws Exception {
        Files.createSymbolicLink(rootfs.resolve("escape"), Path.of("/"));
        Files.createSymbolicLink(rootfs.resolve("up"), Path.of("../../../.."));
        assertThat(TaskLauncher.insideRootfs(rootfs, "/escape/work")).isEqualTo(rootfs.resolve("work"));
        assertThat(TaskLauncher.insideRootfs(rootfs, "/up/work")).isEqualTo(rootfs.resolve("work"));
        assertThat(TaskLauncher.insideRootfs(rootfs, "/../../work")).isEqualTo(rootfs.resolve("work"));
    }

    @Test
    void environment_addsPathHostnameAndHomeUnlessGiven() {
        var config = new ContainerConfig(null, null, null, null, null, null, null, null, null, null,
                List.of("A=1"), null, null, null, null, null, null, null, null, null, null, null, null, null);
        var env = TaskLauncher.environment(config, "abc", new ResolvedUser(1000, 1000, List.of(), "/home/u"));
        assertThat(env).containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOSTNAME=abc", "A=1", "HOME=/home/u");
    }
}
