package dev.berth.engine.snapshots;

import java.nio.file.Path;

/**
 * Mounts a container's root filesystem from its layers and unmounts it.
 *
 * <p>Vocabulary: <em>lower</em> directories are read-only layers shared between containers;
 * the <em>upper</em> directory receives every change the container makes (new files,
 * modified copies, whiteouts for deletions); the <em>target</em> is where the merged tree
 * appears (under the exec root, so that a reboot forgets it while the upper survives in the
 * data root).
 *
 * <p>Lifecycle: {@link #mount} before the runtime starts the container, {@link #unmount}
 * after it exited. Both are idempotent per target: mounting an already mounted target
 * fails with a conflict, unmounting a target that is not mounted does nothing (so start-up
 * reconciliation can call it blindly).
 *
 * <p>Example: {@code try (var rootfs = snapshotter.mount(new RootfsLayers(List.of(l2, l1),
 * rw.resolve("diff"), rw.resolve("work")), execRoot.resolve("containers/" + id + "/rootfs")))
 * { ... run ... }}
 */
public interface Snapshotter {

    /**
     * Mounts {@code layers} at {@code target}, creating target, upper and work directories
     * as needed.
     *
     * @throws dev.berth.engine.error.InvalidArgumentException if the layers cannot be
     *         expressed in one mount (too many or too long lower paths)
     * @throws dev.berth.engine.error.ConflictException if target is already a mount point
     * @throws dev.berth.engine.error.SystemException if the kernel refuses the mount
     */
    MountedRootfs mount(RootfsLayers layers, Path target);

    /** Unmounts {@code target} if it is mounted (lazily if it is busy). */
    void unmount(Path target);

    /** Whether something is mounted exactly at {@code target}. */
    boolean isMounted(Path target);
}
