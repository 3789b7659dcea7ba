package dev.berth.daemon.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The raw connection after {@link ServerResponse#hijack}: attach and exec streams.
 *
 * <p>{@link #in()} starts right after the request (its body already consumed), including bytes
 * the server read ahead. It reaches EOF when the client half-closes (its stdin ended); output
 * may still be written after that. {@link #out()} is unbuffered. Reading and writing from two
 * threads is supported. The handler owns the connection: it must {@link #close()} it, which
 * the server does only when it shuts down.
 */
public interface Hijacked extends AutoCloseable {
    InputStream in();

    OutputStream out();

    /** Half-closes: the client reads EOF while we may still read its input. */
    void closeWrite() throws IOException;

    @Override
    void close() throws IOException;
}
