package dev.berth.engine.content;

import dev.berth.engine.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Blobs addressed by digest. A blob becomes visible only after its bytes were hashed and,
 * when the writer was told what to expect, verified: a reader never sees half a blob or a
 * blob whose name lies about its content. Writing a blob that already exists is success.
 *
 * <p>Lifecycle of a write: {@link #writer()} gives a {@link ContentWriter}; write the bytes;
 * {@link ContentWriter#commit(Digest)} verifies, fsyncs and renames; {@code close()} without
 * commit discards the partial data. Implementations are safe for concurrent use.
 */
public interface ContentStore {

    /** A new writer that stages bytes outside the blob namespace until committed. */
    ContentWriter writer() throws IOException;

    /** Writes a whole small blob (configs, manifests) and returns its digest. */
    default Digest put(byte[] bytes) throws IOException {
        try (ContentWriter w = writer()) {
            w.write(bytes);
            return w.commit(null);
        }
    }

    /** Opens a blob for reading; NotFoundException when it does not exist. */
    InputStream open(Digest digest) throws IOException;

    /** Reads a whole blob; only for small blobs such as configs and manifests. */
    default byte[] read(Digest digest) throws IOException {
        try (InputStream in = open(digest)) {
            return in.readAllBytes();
        }
    }

    boolean exists(Digest digest);

    /** The blob's size in bytes; NotFoundException when it does not exist. */
    long size(Digest digest) throws IOException;

    /** Deletes a blob; returns whether it existed. */
    boolean delete(Digest digest) throws IOException;

    /** Where the blob lives (or would live) on disk; for read-only use such as streaming to a client. */
    Path path(Digest digest);
}
