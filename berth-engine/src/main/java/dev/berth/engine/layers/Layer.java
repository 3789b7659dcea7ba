package dev.berth.engine.layers;

import java.nio.file.Path;

/**
 * A registered layer.
 *
 * @param chainId  this layer with everything below it
 * @param diffId   this layer's own content
 * @param parent   the chain below, or null for a bottom layer
 * @param size     bytes of regular file content in this layer alone
 * @param tarSize  length of the layer's uncompressed tar stream
 * @param diffPath the unpacked directory (read-only: an overlay lower directory)
 */
public record Layer(ChainId chainId, DiffId diffId, ChainId parent, long size, long tarSize, Path diffPath) {
}
