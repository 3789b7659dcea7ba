package dev.berth.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The buffered read side of one HTTP connection: CRLF-terminated lines with a length limit for
 * heads and chunk framing, and plain byte reads for bodies and hijacked streams.
 *
 * <p>One instance lives as long as the connection, so bytes read ahead past a request head (the
 * next pipelined request, or the first bytes of a hijacked stream) are never lost. Closing it
 * closes the underlying stream.
 */
public final class HttpInput extends InputStream {
    private static final int DEFAULT_BUFFER = 16 * 1024;

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;

    public HttpInput(InputStream in) {
        this(in, DEFAULT_BUFFER);
    }

    public HttpInput(InputStream in, int bufferSize) {
        this.in = Objects.requireNonNull(in);
        this.buf = new byte[Math.max(bufferSize, 64)];
    }

    /**
     * Reads one line terminated by CRLF and returns it without the terminator, decoded as
     * ISO-8859-1 (so every byte survives). Returns null when the stream ends before the first
     * byte of the line.
     *
     * @param maxLength most bytes allowed before the CRLF
     * @param tooLongStatus status of the exception thrown when the line is longer
     * @param what what the line is, for messages ("request line", "header line")
     * @throws HttpProtocolException on a bare CR or LF, an overlong line, or EOF inside the line
     */
    public String readLine(int maxLength, int tooLongStatus, String what) throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == limit && !fill()) {
                if (line == null) {
                    return null;
                }
                throw HttpProtocolException.badRequest("connection closed inside " + what);
            }
            if (line == null) {
                line = new StringBuilder(Math.min(maxLength, 128));
            }
            while (pos < limit) {
                byte b = buf[pos++];
                if (b == '\r') {
                    int next = read();
                    if (next == '\n') {
                        return line.toString();
                    }
                    if (next < 0) {
                        throw HttpProtocolException.badRequest("connection closed inside " + what);
                    }
                    throw HttpProtocolException.badRequest("bare CR in " + what);
                }
                if (b == '\n') {
                    throw HttpProtocolException.badRequest("bare LF in " + what);
                }
                if (line.length() >= maxLength) {
                    throw new HttpProtocolException(tooLongStatus, what + " longer than " + maxLength + " bytes");
                }
                line.append((char) (b & 0xff));
            }
        }
    }

    /**
     * Blocks until at least one byte is buffered; false when the stream ended first. Lets a
     * server tell an idle connection from one that has started sending a request.
     */
    public boolean awaitData() throws IOException {
        return pos < limit || fill();
    }

    /** Bytes readable without blocking (those already buffered). */
    @Override
    public int available() {
        return limit - pos;
    }

    @Override
    public int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos < limit) {
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
        // Large reads bypass the buffer: no copy for bodies and streams.
        if (len >= buf.length) {
            return in.read(b, off, len);
        }
        if (!fill()) {
            return -1;
        }
        return read(b, off, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
