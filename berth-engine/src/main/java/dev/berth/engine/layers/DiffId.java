package dev.berth.engine.layers;

import dev.berth.engine.digest.Digest;

/** The digest of a layer's uncompressed tar stream, as listed in an image config's {@code rootfs.diff_ids}. */
public record DiffId(Digest digest) {

    public DiffId {
        java.util.Objects.requireNonNull(digest, "digest");
    }

    public static DiffId parse(String text) {
        return new DiffId(Digest.parse(text));
    }

    @Override
    public String toString() {
        return digest.toString();
    }
}
