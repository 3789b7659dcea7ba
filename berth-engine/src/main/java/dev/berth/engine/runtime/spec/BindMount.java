package dev.berth.engine.runtime.spec;

import java.nio.file.Path;

/**
 * A host path bound into the container: the engine's /etc/hosts, /etc/hostname and
 * /etc/resolv.conf, volumes and {@code -v} binds. A bind on a destination that a default
 * mount also uses (e.g. /dev/shm) replaces the default, as in Docker.
 */
public record BindMount(Path source, String destination, boolean readOnly) {

    public BindMount {
        if (!destination.startsWith("/")) {
            throw new IllegalArgumentException("mount destination must be absolute: " + destination);
        }
    }
}
