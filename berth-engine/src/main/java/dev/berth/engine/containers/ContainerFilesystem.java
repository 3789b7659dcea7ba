package dev.berth.engine.containers;

import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.volumes.ContainerMount;
import dev.berth.engine.volumes.MountTable;
import java.io.IOException;
import java.util.List;

/**
 * A container's filesystem outside its runs: the merged rootfs for {@code cp}, {@code export}
 * and the copy-up at create (a stopped container's mounted for the call, under its lock), the
 * mounts resolved at create, and its writable layer (changes against the image, size).
 */
final class ContainerFilesystem {

    private final ContainerTable table;
    private final ContainerStore store;
    private final ImageResolver images;
    private final TaskLauncher launcher;

    ContainerFilesystem(ContainerTable table, ImageResolver images, TaskLauncher launcher) {
        this.table = table;
        this.store = table.store();
        this.images = images;
        this.launcher = launcher;
    }

    /** See {@link ContainerService#withFilesystem}. */
    <T> T withFilesystem(String idOrName, ContainerService.FilesystemAction<T> action) throws IOException {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = table.liveOf(record.id());
        ContainerPaths paths = table.paths(record.id());
        List<ContainerMount> own = MountTable.read(paths.dataDir());
        if (lc.hasTask()) {
            return action.apply(paths.rootfs(), own);
        }
        synchronized (lc) {
            if (lc.hasTask()) {
                return action.apply(paths.rootfs(), own);
            }
            try (var mounted = launcher.mount(record, paths)) {
                return action.apply(mounted.target(), own);
            }
        }
    }

    /** The container's mounts as resolved at create. */
    List<ContainerMount> mountsOf(ContainerId id) {
        return MountTable.read(table.paths(id).dataDir());
    }

    List<ContainerChanges.Change> changes(String idOrName) throws IOException {
        ContainerRecord record = store.get(idOrName);
        return ContainerChanges.of(table.paths(record.id()).upperDir(), images.lowerDirs(record.imageId()));
    }

    long sizeRw(ContainerRecord record) {
        return DiskUsage.of(table.paths(record.id()).upperDir());
    }

    long sizeRootFs(ContainerRecord record, long sizeRw) {
        try {
            return sizeRw + images.resolve(record.imageId()).size();
        } catch (NotFoundException imageRemoved) {
            return sizeRw;
        }
    }
}
