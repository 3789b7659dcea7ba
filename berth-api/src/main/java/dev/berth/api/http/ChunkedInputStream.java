package dev.berth.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A {@code Transfer-Encoding: chunked} body, decoded strictly (RFC 9112 section 7.1).
 *
 * <p>Chunk sizes are hex without sign or leading whitespace and must fit in a long; chunk
 * extensions are skipped; each chunk's data must be followed by exactly CRLF; trailer fields
 * are read (under the header limits) and dropped. The stream ends after the last chunk and its
 * trailers, leaving the connection positioned at the next message. The underlying stream
 * ending early is an {@link HttpProtocolException}. Closing it leaves the underlying stream open.
 */
public final class ChunkedInputStream extends InputStream {
    /** Longest chunk-size line including extensions. */
    static final int MAX_SIZE_LINE = 4 * 1024;

    private final HttpInput in;
    private long remaining;
    private boolean inData;
    private boolean done;

    public ChunkedInputStream(HttpInput in) {
        this.in = Objects.requireNonNull(in);
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
        if (len == 0) {
            return done ? -1 : 0;
        }
        while (remaining == 0) {
            if (done) {
                return -1;
            }
            nextChunk();
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw HttpProtocolException.badRequest("connection closed inside a chunk");
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() {
        return done ? 0 : (int) Math.min(in.available(), remaining);
    }

    /** Whether the last chunk and the trailers have been read. */
    public boolean isComplete() {
        return done;
    }

    @Override
    public void close() {
        // The connection's owner closes the underlying stream.
    }

    private void nextChunk() throws IOException {
        if (inData) {
            int cr = in.read();
            int lf = in.read();
            if (cr < 0 || lf < 0) {
                throw HttpProtocolException.badRequest("connection closed after chunk data");
            }
            if (cr != '\r' || lf != '\n') {
                throw HttpProtocolException.badRequest("chunk data not followed by CRLF");
            }
            inData = false;
        }
        String line = in.readLine(MAX_SIZE_LINE, 400, "chunk size line");
        if (line == null) {
            throw HttpProtocolException.badRequest("connection closed before a chunk");
        }
        long size = parseSize(line);
        if (size == 0) {
            HttpCodec.readHeaders(in);
            done = true;
            return;
        }
        remaining = size;
        inData = true;
    }

    /** chunk-size [ BWS ";" extensions ], extensions ignored. */
    static long parseSize(String line) throws HttpProtocolException {
        long size = 0;
        int i = 0;
        while (i < line.length()) {
            int digit = Character.digit(line.charAt(i), 16);
            if (digit < 0 || line.charAt(i) > 'f') {
                break;
            }
            if (size > (Long.MAX_VALUE >> 4)) {
                throw HttpProtocolException.badRequest("chunk size too large");
            }
            size = (size << 4) | digit;
            i++;
        }
        if (i == 0) {
            throw HttpProtocolException.badRequest("malformed chunk size");
        }
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i < line.length() && line.charAt(i) != ';') {
            throw HttpProtocolException.badRequest("malformed chunk size");
        }
        return size;
    }
}
