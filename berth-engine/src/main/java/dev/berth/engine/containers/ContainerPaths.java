package dev.berth.engine.containers;

import java.nio.file.Path;

/**
 * Where one container's files live. Under the data root (kept across reboots): its record,
 * writable layer ({@code rw/diff}, {@code rw/work}), /etc files and json-file log. Under the
 * exec root (may vanish on reboot): the OCI bundle and the mounted rootfs.
 */
record ContainerPaths(Path dataDir, Path execDir) {

    static ContainerPaths of(Path containersDataRoot, Path containersExecRoot, ContainerId id) {
        return new ContainerPaths(containersDataRoot.resolve(id.hex()), containersExecRoot.resolve(id.hex()));
    }

    Path upperDir() {
        return dataDir.resolve("rw").resolve("diff");
    }

    Path workDir() {
        return dataDir.resolve("rw").resolve("work");
    }

    Path log(ContainerId id) {
        return dataDir.resolve(id.hex() + "-json.log");
    }

    Path etcFile(String name) {
        return dataDir.resolve(name);
    }

    Path bundle() {
        return execDir;
    }

    Path rootfs() {
        return execDir.resolve("rootfs");
    }
}
