package dev.berth.engine.layers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Unpacked layers keyed by chain ID. A layer is unpacked into a temporary directory and
 * appears under its chain ID in one rename, with its metadata: readers see a complete layer
 * or none. Registering a chain that already exists keeps the existing copy (layers are
 * stored once and shared). Start-up removes temporary directories a crash left behind.
 *
 * <p>Layers are immutable once registered; {@link #delete(ChainId)} does not check who uses
 * a layer: callers (the image store) must only delete chains no image and no child layer
 * needs. Implementations are safe for concurrent use.
 */
public interface LayerStore {

    /**
     * Unpacks {@code tarOrTgz} (plain or gzip tar) on top of {@code parent} (null for a bottom
     * layer). Throws InvalidArgumentException for a refused tar (nothing is left behind) and
     * NotFoundException when {@code parent} is not registered.
     */
    Layer register(ChainId parent, InputStream tarOrTgz) throws IOException;

    /** The layer; NotFoundException when it is not registered. */
    Layer get(ChainId chainId) throws IOException;

    boolean exists(ChainId chainId);

    /** Removes the layer; returns whether it existed. */
    boolean delete(ChainId chainId) throws IOException;

    /** The layer's unpacked directory. */
    Path diffPath(ChainId chainId);

    /** The diff directories of {@code top} and all below it, top-most first (overlay's lowerdir order). */
    List<Path> lowerDirs(ChainId top) throws IOException;

    /** Writes the layer's uncompressed tar stream, byte-identical to what was registered (its diff ID holds). */
    void writeTar(ChainId chainId, OutputStream out) throws IOException;
}
