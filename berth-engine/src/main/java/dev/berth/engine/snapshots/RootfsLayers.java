package dev.berth.engine.snapshots;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The directories that make up one container's root filesystem.
 *
 * @param lowerDirs read-only layer directories, top-most first (the image's last layer first);
 *                  may be empty for an image without layers
 * @param upperDir  the container's writable layer ({@code containers/<id>/rw/diff})
 * @param workDir   overlay's scratch directory on the same filesystem as {@code upperDir}
 *                  ({@code containers/<id>/rw/work})
 */
public record RootfsLayers(List<Path> lowerDirs, Path upperDir, Path workDir) {

    public RootfsLayers {
        lowerDirs = List.copyOf(lowerDirs);
        Objects.requireNonNull(upperDir, "upperDir");
        Objects.requireNonNull(workDir, "workDir");
        for (Path p : lowerDirs) {
            requireAbsolute(p);
        }
        requireAbsolute(upperDir);
        requireAbsolute(workDir);
    }

    private static void requireAbsolute(Path p) {
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException("layer path must be absolute: " + p);
        }
    }
}
