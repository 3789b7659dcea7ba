package dev.berth.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A body of exactly {@code length} bytes ({@code Content-Length}). Ends after that many bytes;
 * the underlying stream ending earlier is an {@link HttpProtocolException}. Closing it leaves the
 * underlying stream open.
 */
public final class FixedLengthInputStream extends InputStream {
    private final InputStream in;
    private final long length;
    private long remaining;

    public FixedLengthInputStream(InputStream in, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length");
        }
        this.in = Objects.requireNonNull(in);
        this.length = length;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (remaining == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw HttpProtocolException.badRequest(
                    "body ended after " + (length - remaining) + " of " + length + " bytes");
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    @Override
    public void close() {
        // The connection's owner closes the underlying stream.
    }
}
