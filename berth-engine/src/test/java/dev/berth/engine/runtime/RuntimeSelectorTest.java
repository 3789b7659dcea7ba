package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.UnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeSelectorTest {

    @TempDir
    Path cgroup;

    final Map<String, Path> installed = Map.of("crun", Path.of("/usr/bin/crun"), "runc", Path.of("/usr/sbin/runc"));
    final List<String> mounted = new ArrayList<>();

    // A fake mounter that does what the kernel does: the controller leaves cgroup2.
    final RuntimeSelector.ControllerMounter moving = (controller, at) -> {
        mounted.add(controller + "@" + cgroup.relativize(at));
        Path controllers = cgroup.resolve("unified/cgroup.controllers");
        Files.writeString(controllers, Files.readString(controllers).replace(controller, "").strip());
    };
    final RuntimeSelector.ControllerMounter refusing = (controller, at) -> {
        throw new IOException("EBUSY");
    };

    RuntimeSelector selector(RuntimeSelector.ControllerMounter mounter, boolean fix, Map<String, Path> bins) {
        return new RuntimeSelector(cgroup, name -> Optional.ofNullable(bins.get(name)), mounter, fix);
    }

    void hybrid(String controllers, String subtreeControl) throws IOException {
        Files.createDirectories(cgroup.resolve("unified"));
        Files.writeString(cgroup.resolve("unified/cgroup.controllers"), controllers + "\n");
        Files.writeString(cgroup.resolve("unified/cgroup.subtree_control"), subtreeControl + "\n");
    }

    @Test
    void select_cleanHybridHost_choosesCrun() throws Exception {
        hybrid("", "");
        RuntimeChoice c = selector(refusing, true, installed).select(Optional.empty());
        assertThat(c.name()).isEqualTo("crun");
        assertThat(c.reason()).isEqualTo("crun (default)");
    }

    @Test
    void select_pureCgroup2Host_choosesCrun() throws Exception {
        Files.writeString(cgroup.resolve("cgroup.controllers"), "cpu memory pids hugetlb\n");
        assertThat(selector(refusing, false, installed).select(Optional.empty()).name()).isEqualTo("crun");
    }

    @Test
    void select_hybridWithControllers_fixesByMovingThemToV1() throws Exception {
        hybrid("hugetlb", "");
        RuntimeChoice c = selector(moving, true, installed).select(Optional.empty());
        assertThat(c.name()).isEqualTo("crun");
        assertThat(mounted).containsExactly("hugetlb@hugetlb");
    }

    @Test
    void select_hybridWithoutFixing_fallsBackToRuncAndSaysWhy() throws Exception {
        hybrid("hugetlb", "");
        RuntimeChoice c = selector(moving, false, installed).select(Optional.empty());
        assertThat(c.name()).isEqualTo("runc");
        assertThat(c.binary()).isEqualTo(Path.of("/usr/sbin/runc"));
        assertThat(c.reason()).contains("hybrid mode", "hugetlb");
        assertThat(mounted).isEmpty();
    }

    @Test
    void select_controllerInUse_isNotMovedAndRuncIsUsed() throws Exception {
        hybrid("hugetlb pids", "pids");
        RuntimeChoice c = selector(moving, true, installed).select(Optional.empty());
        assertThat(c.name()).isEqualTo("runc");
        assertThat(mounted).containsExactly("hugetlb@hugetlb");
        assertThat(c.reason()).contains("pids is in use on cgroup2");
    }

    @Test
    void select_mountFails_fallsBackToRunc() throws Exception {
        hybrid("hugetlb", "");
        RuntimeChoice c = selector(refusing, true, installed).select(Optional.empty());
        assertThat(c.name()).isEqualTo("runc");
        assertThat(c.reason()).contains("mounting hugetlb failed: EBUSY");
    }

    @Test
    void select_noCrunInstalled_usesRunc() throws Exception {
        RuntimeChoice c = selector(refusing, true, Map.of("runc", Path.of("/usr/sbin/runc"))).select(Optional.empty());
        assertThat(c.name()).isEqualTo("runc");
        assertThat(c.reason()).contains("crun is not installed");
    }

    @Test
    void select_override() throws Exception {
        hybrid("hugetlb", "");
        RuntimeSelector s = selector(refusing, true, installed);
        assertThat(s.select(Optional.of("runc")).name()).isEqualTo("runc");
        assertThatThrownBy(() -> s.select(Optional.of("crun"))).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("hybrid mode");
        assertThatThrownBy(() -> s.select(Optional.of("kata"))).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("unknown or invalid runtime name: kata");
    }

    @Test
    void select_nothingInstalled_isUnavailable() {
        assertThatThrownBy(() -> selector(refusing, true, Map.of()).select(Optional.empty()))
                .isInstanceOf(UnavailableException.class);
    }
}
