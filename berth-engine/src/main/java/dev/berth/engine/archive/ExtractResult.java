package dev.berth.engine.archive;

import dev.berth.engine.digest.Digest;

/**
 * What unpacking a layer stream produced.
 *
 * @param diffId      sha256 of the uncompressed tar stream, as the OCI spec defines the diff ID
 * @param tarSize     length of the uncompressed tar stream in bytes
 * @param contentSize sum of the sizes of the regular files written (what Docker reports as a layer's size)
 */
public record ExtractResult(Digest diffId, long tarSize, long contentSize) {
}
