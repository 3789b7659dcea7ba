package dev.berth.engine.layers;

import dev.berth.engine.digest.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a layer together with everything below it, as the OCI image spec defines:
 * the first layer's chain ID is its diff ID; each next one is
 * {@code sha256(parent chain ID + " " + diff ID)}.
 */
public record ChainId(Digest digest) {

    public ChainId {
        java.util.Objects.requireNonNull(digest, "digest");
    }

    public static ChainId parse(String text) {
        return new ChainId(Digest.parse(text));
    }

    /** The chain ID of {@code diffId} on top of {@code parent} (null for a bottom layer). */
    public static ChainId of(ChainId parent, DiffId diffId) {
        if (parent == null) {
            return new ChainId(diffId.digest());
        }
        return new ChainId(Digest.sha256(parent.digest() + " " + diffId.digest()));
    }

    /** The chain IDs of every prefix of {@code diffIds}, bottom first; the last is the top's. */
    public static List<ChainId> chain(List<DiffId> diffIds) {
        List<ChainId> out = new ArrayList<>(diffIds.size());
        ChainId parent = null;
        for (DiffId d : diffIds) {
            parent = of(parent, d);
            out.add(parent);
        }
        return out;
    }

    /** The top layer's chain ID, or null for no layers. */
    public static ChainId top(List<DiffId> diffIds) {
        List<ChainId> all = chain(diffIds);
        return all.isEmpty() ? null : all.getLast();
    }

    @Override
    public String toString() {
        return digest.toString();
    }
}
