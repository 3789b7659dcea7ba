package dev.berth.engine.archive;

import java.util.Optional;

/**
 * How {@link TarExtractor#extractInto} treats what it unpacks, as moby's TarOptions for
 * {@code docker cp} (PUT /containers/{id}/archive).
 *
 * @param noOverwriteDirNonDir refuse to replace an existing directory by a non-directory, or an
 *                             existing non-directory by a directory (the docker CLI always asks)
 * @param owner                when present, every entry gets this owner instead of the tar's
 *                             ({@code copyUIDGID} with a container user)
 * @param shownRoot            how the extraction directory is named in messages (the container path)
 */
public record ExtractOptions(boolean noOverwriteDirNonDir, Optional<Owner> owner, String shownRoot) {

    /** Replace anything, keep the tar's owners. */
    public static final ExtractOptions DEFAULT = new ExtractOptions(false, Optional.empty(), "/");

    /** A numeric owner. */
    public record Owner(int uid, int gid) {
    }
}
