package dev.berth.engine.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeStoreTest {

    @TempDir
    Path root;

    private final Map<String, List<String>> users = new HashMap<>();
    private VolumeStore store;

    @BeforeEach
    void open() throws Exception {
        store = new VolumeStore(root, Clock.systemUTC(), n -> users.getOrDefault(n, List.of()));
    }

    @Test
    void create_makesDataDirAndKeepsLabels() {
        Volume v = store.create("data", null, Map.of(), Map.of("a", "b"));
        assertThat(v.mountpoint()).isEqualTo(root.resolve("data/_data")).isDirectory();
        assertThat(store.get("data").labels()).containsEntry("a", "b");
        assertThat(store.get("data").driver()).isEqualTo("local");
        assertThat(store.list()).extracting(Volume::name).containsExactly("data");
    }

    @Test
    void create_returnsTheExistingVolumeOfThatName() {
        Volume first = store.create("data", null, Map.of(), Map.of("a", "b"));
        assertThat(store.create("data", null, Map.of(), Map.of())).isEqualTo(first);
    }

    @Test
    void create_withoutNameMakesA64HexName() {
        assertThat(store.create(null, null, Map.of(), Map.of()).name()).matches("[0-9a-f]{64}");
    }

    @Test
    void create_refusesBadNamesDriversAndOptions() {
        assertThatThrownBy(() -> store.create("a/b", null, Map.of(), Map.of())).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> store.create("x1", "nfs", Map.of(), Map.of())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.create("x1", null, Map.of("color", "red"), Map.of()))
                .hasMessage("invalid option key: \"color\"");
    }

    @Test
    void remove_refusesAVolumeInUse_andForceIgnoresMissing() {
        store.create("data", null, Map.of(), Map.of());
        users.put("data", List.of("c1"));
        assertThatThrownBy(() -> store.remove("data", true)).isInstanceOf(ConflictException.class)
                .hasMessage("remove data: volume is in use - [c1]");
        users.clear();
        store.remove("data", false);
        assertThat(root.resolve("data")).doesNotExist();
        assertThatThrownBy(() -> store.remove("data", false)).hasMessage("get data: no such volume");
        store.remove("data", true);
    }

    @Test
    void prune_removesOnlyUnusedAcceptedVolumes() throws Exception {
        Volume anon = store.create(null, null, Map.of(), Map.of(Volume.ANONYMOUS_LABEL, ""));
        Files.writeString(anon.mountpoint().resolve("f"), "12345");
        store.create("named", null, Map.of(), Map.of());
        Volume used = store.create(null, null, Map.of(), Map.of(Volume.ANONYMOUS_LABEL, ""));
        users.put(used.name(), List.of("c1"));
        VolumeStore.Pruned pruned = store.prune(Volume::isAnonymous);
        assertThat(pruned.names()).containsExactly(anon.name());
        assertThat(pruned.bytes()).isEqualTo(5);
        assertThat(store.list()).extracting(Volume::name).containsExactlyInAnyOrder("named", used.name());
    }

    @Test
    void open_removesHalfCreatedVolumes() throws Exception {
        Files.createDirectories(root.resolve("half/_data"));
        store.create("whole", null, Map.of(), Map.of());
        new VolumeStore(root, Clock.systemUTC(), n -> List.of());
        assertThat(root.resolve("half")).doesNotExist();
        assertThat(root.resolve("whole/_data")).isDirectory();
    }
}
