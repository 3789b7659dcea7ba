package dev.berth.engine.builder;

import dev.berth.engine.archive.TarWriter;
import dev.berth.engine.layers.ChainId;
import dev.berth.engine.layers.Layer;
import dev.berth.engine.layers.LayerStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Turns a directory of changes (a COPY's staging tree, a RUN container's upper directory)
 * into a registered layer: a deterministic tar ({@link TarWriter}: sorted entries, overlay
 * whiteouts as {@code .wh.} files; times clamped to {@code SOURCE_DATE_EPOCH} when the build
 * sets it) spooled to a temporary file, then unpacked by the layer store. Changes the times in
 * {@code changes} when it clamps: give it trees that are thrown away afterwards.
 */
final class LayerCommitter {

    private final LayerStore layers;
    private final Path tmpDir;
    private final java.time.Instant clampTo;

    LayerCommitter(LayerStore layers, Path tmpDir) {
        this(layers, tmpDir, null);
    }

    /** {@code clampTo}: the build's {@code SOURCE_DATE_EPOCH} ({@link Timestamps#clamp}), or null. */
    LayerCommitter(LayerStore layers, Path tmpDir, java.time.Instant clampTo) {
        this.layers = layers;
        this.tmpDir = tmpDir;
        this.clampTo = clampTo;
    }

    /** The layer of {@code changes} on top of {@code parent} (null for a first layer). */
    Layer commit(ChainId parent, Path changes) throws IOException {
        return commit(parent, changes, name -> false);
    }

    /**
     * As {@link #commit(ChainId, Path)}, leaving out the entries {@code skip} accepts (names
     * relative to {@code changes}); null when nothing is left, as dockerd adds no layer for an
     * empty tar.
     */
    Layer commit(ChainId parent, Path changes, Predicate<String> skip) throws IOException {
        Files.createDirectories(tmpDir);
        if (clampTo != null) {
            Timestamps.clamp(changes, clampTo);
        }
        Path tar = Files.createTempFile(tmpDir, "layer-", ".tar");
        try {
            try (OutputStream out = Files.newOutputStream(tar)) {
                if (TarWriter.write(changes, out, skip) == 0) {
                    return null;
                }
            }
            try (InputStream in = Files.newInputStream(tar)) {
                return layers.register(parent, in);
            }
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    /** Whether {@code dir} holds nothing (a RUN that changed no file makes no layer). */
    static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (var list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }
}
