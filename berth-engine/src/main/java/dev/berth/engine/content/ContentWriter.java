package dev.berth.engine.content;

import dev.berth.engine.digest.Digest;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Stages one blob: bytes written are hashed as they go. {@link #commit(Digest)} makes the
 * blob visible; {@link #close()} without a commit throws the staged bytes away.
 */
public abstract class ContentWriter extends OutputStream {

    /**
     * Verifies the digest (when {@code expected} is not null), fsyncs and publishes the blob.
     * Throws InvalidArgumentException when the content does not match {@code expected}
     * (the staged bytes are discarded). Returns the blob's digest. An already existing
     * blob with that digest is success.
     */
    public abstract Digest commit(Digest expected) throws IOException;

    /** Bytes written so far. */
    public abstract long size();
}
