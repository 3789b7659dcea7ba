package dev.berth.engine.snapshots;

import java.nio.file.Path;

/**
 * A root filesystem mounted at {@link #target()}; {@link #close()} unmounts it. Holding one
 * means the mount exists: close it when the container stops.
 */
public final class MountedRootfs implements AutoCloseable {

    private final Snapshotter owner;
    private final Path target;
    private boolean closed;

    MountedRootfs(Snapshotter owner, Path target) {
        this.owner = owner;
        this.target = target;
    }

    public Path target() {
        return target;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            owner.unmount(target);
            closed = true;
        }
    }
}
