package dev.berth.api.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A hijacked connection (attach, exec start): after the 101 (or 200) head, {@link #in()} is
 * what the daemon sends (multiplexed frames without a TTY, raw bytes with one) and
 * {@link #out()} goes to the process's stdin. {@link #closeWrite()} half-closes the socket so
 * the daemon sees EOF on stdin while output keeps flowing; {@link #close()} ends both ways.
 * When {@link #status()} is neither 101 nor 200, {@link #in()} is the error body instead.
 */
public interface ApiStream extends Closeable {

    int status();

    /** The first value of a response header, case-insensitive, or null. */
    String header(String name);

    InputStream in();

    OutputStream out();

    void closeWrite() throws IOException;
}
