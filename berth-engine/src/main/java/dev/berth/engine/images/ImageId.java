package dev.berth.engine.images;

import dev.berth.engine.digest.Digest;
import java.util.Objects;

/** An image's ID: the digest of its config's exact bytes. */
public record ImageId(Digest digest) {

    public ImageId {
        Objects.requireNonNull(digest, "digest");
    }

    public static ImageId parse(String text) {
        return new ImageId(Digest.parse(text));
    }

    public static ImageId ofConfig(byte[] configBytes) {
        return new ImageId(Digest.sha256(configBytes));
    }

    /** The 12-digit form Docker shows. */
    public String shortId() {
        return digest.shortHex();
    }

    @Override
    public String toString() {
        return digest.toString();
    }
}
