package dev.berth.engine.containers;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.networks.ContainerNetworking;
import dev.berth.engine.runtime.OciRuntime;
import dev.berth.engine.snapshots.Snapshotter;
import dev.berth.engine.volumes.ContainerMount;
import dev.berth.engine.volumes.ContainerMounts;
import dev.berth.engine.volumes.MountTable;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code docker rm}: a forced removal ends the restart loop and kills the container first;
 * then, under the container's lock, the record is marked removing and its rootfs, runtime
 * state, writable layer, directories and record deleted, its volumes released (anonymous ones
 * removed with {@code -v}) and its network forgotten. Also the removal that follows an exit
 * with AutoRemove, a failed start or create, and a crash in the middle of a removal.
 */
final class ContainerRemoval {

    private static final Logger LOG = System.getLogger("berthd.containers");

    private final ContainerTable table;
    private final ContainerStore store;
    private final OciRuntime runtime;
    private final Snapshotter snapshotter;
    private final ContainerMounts mounts;
    private final Supplier<ContainerNetworking> networking;
    private final ContainerExits exits;
    private final ContainerSignals signals;
    private final ContainerEvents events;

    ContainerRemoval(ContainerTable table, OciRuntime runtime, Snapshotter snapshotter, ContainerMounts mounts,
            Supplier<ContainerNetworking> networking, ContainerExits exits, ContainerSignals signals,
            ContainerEvents events) {
        this.table = table;
        this.store = table.store();
        this.runtime = runtime;
        this.snapshotter = snapshotter;
        this.mounts = mounts;
        this.networking = networking;
        this.exits = exits;
        this.signals = signals;
        this.events = events;
    }

    void remove(String idOrName, boolean force, boolean removeVolumes) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = table.liveOf(record.id());
        if (lc.hasTask()) {
            if (!force) {
                throw new ConflictException("You cannot remove a running container " + record.id()
                        + ". Stop the container before attempting removal or force remove");
            }
            CompletableFuture<Integer> exit = lc.nextExit();
            // dockerd's ExitOnNext: the kill of a forced removal ends the restart loop, else a
            // policy could start the container again before the removal takes it
            exits.stoppedByHand(lc, record);
            signals.signal(record, Signals.SIGKILL);
            ContainerSignals.awaitExit(exit, 30);
        }
        synchronized (lc) {
            record = store.find(record.id().hex()).orElseThrow(() -> new NotFoundException("No such container: " + idOrName));
            if (lc.hasTask()) {
                throw new ConflictException("container " + record.id() + " did not stop; cannot remove it");
            }
            // under the lock: an exit while rm waited may have put it in its restart loop
            if (record.state().status() == ContainerStatus.RESTARTING) {
                if (!force) {
                    throw new ConflictException("You cannot remove a restarting container " + record.id()
                            + ". Stop the container before attempting removal or force remove");
                }
                exits.stoppedByHand(lc, record);
                record = store.get(record.id().hex());
            }
            if (record.state().status() == ContainerStatus.REMOVING) {
                throw new ConflictException("removal of container " + record.id() + " is already in progress");
            }
            store.update(record.withState(record.state().removing()));
            ContainerPaths paths = table.paths(record.id());
            List<ContainerMount> ownMounts = MountTable.read(paths.dataDir());
            snapshotter.unmount(paths.rootfs());
            runtime.delete(record.id().hex(), true);
            deleteTree(paths.execDir());
            deleteTree(paths.dataDir().resolve("rw"));
            store.delete(record.id());
            deleteTree(paths.dataDir());
            table.forget(record.id());
            mounts.release(ownMounts, removeVolumes);
            networking.get().forget(record.id().hex());
            lc.removed.complete(record.state().exitCode());
            events.emit(record, "destroy");
        }
    }

    /** A removal nobody asked for by hand (AutoRemove, a failed create, a leftover): failures are logged. */
    void removeQuietly(ContainerId id) {
        try {
            remove(id.hex(), true, true);
        } catch (NotFoundException | ConflictException e) {
            // removed by someone else meanwhile
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "failed to remove container " + id.shortId() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new SystemException("failed to remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
