package dev.berth.engine.archive;

import dev.berth.engine.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Sits between the uncompressed tar stream and the tar parser: hashes every byte (the diff
 * ID; unless told not to), counts them, and hands the bytes that are not file payloads to a {@link TarSplit.Writer}
 * so that the stream can be rebuilt byte for byte from the unpacked files. {@code skip} reads
 * through, so that no byte escapes the hash.
 */
final class TarStreamRecorder extends InputStream {

    private final InputStream in;
    private final MessageDigest sha;
    private final TarSplit.Writer split;
    private long count;
    private boolean payload;

    TarStreamRecorder(InputStream in, TarSplit.Writer split, boolean hash) {
        this.in = in;
        this.split = split;
        this.sha = hash ? Digest.newSha256() : null;
    }

    /** The following bytes are the content of {@code relativePath}; they are not recorded. */
    void beginPayload(String relativePath, long size) throws IOException {
        if (split != null) {
            split.file(relativePath, size);
        }
        payload = true;
    }

    void endPayload() {
        payload = false;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            if (sha != null) {
                sha.update(b, off, n);
            }
            count += n;
            if (!payload && split != null) {
                split.raw(b, off, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Reads to the end of the stream (the zero blocks after the tar's end marker count too). */
    void drain() throws IOException {
        byte[] buf = new byte[8192];
        while (read(buf, 0, buf.length) >= 0) {
            // hashed and recorded by read
        }
    }

    Digest digest() {
        return Digest.of(sha);
    }

    long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
