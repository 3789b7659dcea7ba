package dev.berth.api.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes a {@code Transfer-Encoding: chunked} body.
 *
 * <p>Writes are gathered into chunks of up to the buffer size. {@link #flush()} sends whatever is
 * pending as one chunk and flushes the underlying stream, so a streaming producer (logs -f, pull
 * progress, events) reaches the peer at once. {@link #close()} sends pending data and the last
 * chunk, flushes, and leaves the underlying stream open: the connection may carry another
 * message.
 */
public final class ChunkedOutputStream extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buf;
    private int count;
    private boolean closed;

    public ChunkedOutputStream(OutputStream out) {
        this(out, 8 * 1024);
    }

    public ChunkedOutputStream(OutputStream out, int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("buffer size must be positive");
        }
        this.out = Objects.requireNonNull(out);
        this.buf = new byte[bufferSize];
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (count == buf.length) {
            writePending();
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (len >= buf.length) {
            writePending();
            writeChunk(b, off, len);
            return;
        }
        if (len > buf.length - count) {
            writePending();
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        writePending();
        out.flush();
    }

    /** Ends the body with the last chunk; idempotent. Does not close the underlying stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        writePending();
        out.write(LAST_CHUNK);
        out.flush();
    }

    private void writePending() throws IOException {
        writeChunk(buf, 0, count);
        count = 0;
    }

    private void writeChunk(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return; // an empty chunk would end the body
        }
        out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b, off, len);
        out.write(CRLF);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("chunked stream closed");
        }
    }
}
