package dev.berth.engine.runtime.spec;

import java.nio.file.Path;

/**
 * A host path bound into the container: the engine's /etc/hosts, /etc/hostname and
 * /etc/resolv.conf, volumes and {@code -v} binds. A bind on a destination that a default
 * mount also uses (e.g. /dev/shm) replaces the default, as in Docker. {@code propagation} is
 * the mount's propagation (rprivate, private, rshared, shared, rslave, slave).
 */
public record BindMount(Path source, String destination, boolean readOnly, String propagation) {

    public BindMount {
        if (!destination.startsWith("/")) {
            throw new IllegalArgumentException("mount destination must be absolute: " + destination);
        }
        propagation = propagation == null || propagation.isEmpty() ? "rprivate" : propagation;
    }

    /** A private bind ({@code rprivate}), Docker's default. */
    public BindMount(Path source, String destination, boolean readOnly) {
        this(source, destination, readOnly, "rprivate");
    }

    /** Whether mounts below the source made later appear inside ({@code shared}, {@code slave}). */
    public boolean receivesMounts() {
        return !propagation.endsWith("private");
    }
}
