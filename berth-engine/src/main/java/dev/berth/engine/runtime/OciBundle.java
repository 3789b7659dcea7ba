package dev.berth.engine.runtime;

import dev.berth.engine.error.SystemException;
import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An OCI bundle directory: config.json (root.path points at the mounted rootfs elsewhere). */
public final class OciBundle {

    private OciBundle() {
    }

    /** Creates {@code bundleDir} if needed and writes {@code configJson} as its config.json atomically. */
    public static Path write(Path bundleDir, byte[] configJson) {
        try {
            Files.createDirectories(bundleDir);
            AtomicFiles.write(bundleDir.resolve("config.json"), configJson);
            return bundleDir;
        } catch (IOException e) {
            throw new SystemException("cannot write OCI bundle " + bundleDir + ": " + e.getMessage(), e);
        }
    }
}
