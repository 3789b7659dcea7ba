package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerStoreTest {

    @TempDir
    Path root;

    private static ContainerRecord record(String name, Instant created) {
        return new ContainerRecord(ContainerId.random(), name, created, "busybox", "sha256:" + "a".repeat(64),
                ContainerConfig.empty(), HostConfig.empty(), "echo", List.of("hi"),
                ContainerRecord.State.created(), 0, "runc");
    }

    @Test
    void records_surviveAReload() throws Exception {
        var store = new ContainerStore(root);
        var r = record("web", Instant.parse("2026-01-01T00:00:00.123456789Z"));
        store.create(r);
        store.update(r.withState(r.state().running(42, Instant.now())));

        var reloaded = new ContainerStore(root);
        assertThat(reloaded.get("web").id()).isEqualTo(r.id());
        assertThat(reloaded.get("web").state().pid()).isEqualTo(42);
        assertThat(reloaded.get("web").created()).isEqualTo(r.created());
        assertThat(reloaded.get("web").args()).containsExactly("hi");
    }

    @Test
    void get_acceptsIdNameSlashNameAndUniquePrefix() throws Exception {
        var store = new ContainerStore(root);
        var r = record("web", Instant.now());
        store.create(r);
        assertThat(store.get(r.id().hex()).name()).isEqualTo("web");
        assertThat(store.get("/web").name()).isEqualTo("web");
        assertThat(store.get(r.id().hex().substring(0, 5)).name()).isEqualTo("web");
        assertThatThrownBy(() -> store.get("nope")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such container: nope");
    }

    @Test
    void create_refusesATakenName() throws Exception {
        var store = new ContainerStore(root);
        store.create(record("web", Instant.now()));
        assertThatThrownBy(() -> store.create(record("web", Instant.now())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("The container name \"/web\" is already in use");
    }

    @Test
    void delete_forgetsTheRecordOnDisk() throws Exception {
        var store = new ContainerStore(root);
        var r = record("web", Instant.now());
        store.create(r);
        store.delete(r.id());
        assertThat(Files.exists(store.directory(r.id()).resolve("config.json"))).isFalse();
        assertThat(new ContainerStore(root).find("web")).isEmpty();
    }

    @Test
    void list_isNewestFirst() throws Exception {
        var store = new ContainerStore(root);
        store.create(record("old", Instant.parse("2026-01-01T00:00:00Z")));
        store.create(record("new", Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(store.list()).extracting(ContainerRecord::name).containsExactly("new", "old");
    }
}
