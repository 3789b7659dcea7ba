package dev.berth.engine.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Images by reference and by ID. A name is resolved like dockerd: a full ID
 * ({@code sha256:<hex>} or 64 hex digits), else a reference ({@code busybox} means
 * {@code docker.io/library/busybox:latest}), else a unique prefix of an ID. A name that
 * resolves to nothing is NotFoundException "No such image: x" (clients match that text).
 *
 * <p>References point at images; an image without references is dangling but stays until
 * removed. Layers are shared: removing an image deletes only the layers no other image uses.
 * Implementations are safe for concurrent use.
 */
public interface ImageStore {

    /** The image a name or ID resolves to; NotFoundException "No such image: x". */
    Image get(String nameOrId);

    Optional<Image> find(String nameOrId);

    /** Every image, newest first. */
    List<Image> list();

    /** Points {@code target} (a reference without digest) at the image {@code source} resolves to. */
    void tag(String source, String target) throws IOException;

    /**
     * Removes a reference or an image as {@code docker rmi} does: a reference is untagged and
     * the image is deleted only when that was its last reference; an ID deletes the image.
     * ConflictException when the image is in use by a container, is referenced in several
     * repositories (by ID), or has child images; {@code force} overrides all but the last.
     * Unless {@code noPrune}, dangling parents go too.
     */
    RemoveResult remove(String name, boolean force, boolean noPrune) throws IOException;

    /** The image's history, newest step first. */
    List<HistoryItem> history(String name);

    /**
     * Makes an image of one layer from a root filesystem tar (plain or gzip), with
     * {@code changes} (Dockerfile-like: CMD, ENTRYPOINT, ENV, WORKDIR, USER, LABEL, EXPOSE,
     * VOLUME, STOPSIGNAL) applied to an empty config, tagged {@code ref} when not null.
     */
    Image importRootfs(InputStream tar, String ref, String message, List<String> changes) throws IOException;

    /** Writes the images in the docker-archive format of docker 25+ (an OCI layout plus manifest.json). */
    void save(List<String> names, OutputStream out) throws IOException;

    /** Loads a docker-archive (legacy or OCI-based) or an OCI image layout tar, plain or gzip. */
    List<LoadedImage> load(InputStream in) throws IOException;

    /** Stores an image whose layers are registered (builder, commit, pull). */
    Image create(NewImage image) throws IOException;

    /**
     * Records {@code digested} ({@code name@sha256:...}, the digest of a manifest in a registry)
     * as one of the image's {@code RepoDigests} (pull, push). NotFoundException when there is
     * no such image; InvalidArgumentException when the reference has no digest.
     */
    void addRepoDigest(ImageId id, dev.berth.engine.reference.ImageRef digested) throws IOException;

    /** Builds {@code busybox:latest} from a static busybox binary; the same binary gives the same ID. */
    Image bootstrapBusybox(Path busyboxBinary) throws IOException;
}
