package dev.berth.engine.containers;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The containers this daemon knows: their records ({@link ContainerStore}), the in-memory side
 * of each ({@link LiveContainer}) and where their files are. One instance is shared by
 * {@link ContainerService} and the collaborators it delegates to, so that all of them lock the
 * same {@code LiveContainer}: its monitor is what every transition (start, exit, stop, remove)
 * holds.
 */
final class ContainerTable {

    private final ContainerStore store;
    private final Path execRoot;
    private final Map<ContainerId, LiveContainer> live = new ConcurrentHashMap<>();

    ContainerTable(ContainerStore store, Path execRoot) {
        this.store = store;
        this.execRoot = execRoot;
    }

    ContainerStore store() {
        return store;
    }

    /** The container's in-memory side, made on first use (a record loaded at daemon start). */
    LiveContainer liveOf(ContainerId id) {
        return live.computeIfAbsent(id, LiveContainer::new);
    }

    /** The in-memory side only if it exists: empty once the container has been removed. */
    Optional<LiveContainer> findLive(ContainerId id) {
        return Optional.ofNullable(live.get(id));
    }

    /** A fresh in-memory side for a container just created. */
    void register(ContainerId id) {
        live.put(id, new LiveContainer(id));
    }

    void forget(ContainerId id) {
        live.remove(id);
    }

    ContainerPaths paths(ContainerId id) {
        return ContainerPaths.of(store.directory(id).getParent(), execRoot.resolve("containers"), id);
    }
}
