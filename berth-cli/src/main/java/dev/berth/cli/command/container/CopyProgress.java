package dev.berth.cli.command.container;

import dev.berth.api.units.HumanSize;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What docker's CLI (28) prints around a {@code cp} when stdout is a terminal and
 * {@code -q} was not given: while copying, on a terminal stderr only, one line
 * "Copying to container - 1.2kB" updated every 75 ms; at the end, on stderr,
 * "Successfully copied 1.2kB to DEST". The size counts the tar stream's bytes, three
 * significant digits (go-units HumanSizeWithPrecision); a tar read from stdin is not counted,
 * so docker reports 0B for {@code cp - ctr:/dir}, and so do we.
 */
final class CopyProgress {

    static final String TO_CONTAINER = "Copying to container - ";
    static final String FROM_CONTAINER = "Copying from container - ";

    private static final String SAVE = "\u001b[s";
    private static final String RESTORE = "\u001b[u";
    private static final String ERASE_LINE = "\u001b[2K";
    private static final String ERASE_TAIL = "\u001b[0K";
    private static final String HIDE = "\u001b[?25l";
    private static final String SHOW = "\u001b[?25h";
    private static final long UPDATE_MILLIS = 75;

    private final PrintStream err;
    private final AtomicLong copied = new AtomicLong();
    private final Thread ticker;
    private volatile boolean done;

    private CopyProgress(PrintStream err, String header, boolean live) {
        this.err = err;
        this.ticker = live ? Thread.ofVirtual().unstarted(() -> tick(header)) : null;
        if (live) {
            err.print(SAVE + "Preparing to copy...");
            err.flush();
            ticker.start();
        }
    }

    /** Counts what is copied; the live line only when {@code stderrIsTerminal}. */
    static CopyProgress start(PrintStream err, String header, boolean stderrIsTerminal) {
        return new CopyProgress(err, header, stderrIsTerminal);
    }

    /** {@code in}, counted. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    copied.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    copied.addAndGet(n);
                }
                return n;
            }
        };
    }

    /** Ends the live line and prints the summary for {@code destination}. */
    void finish(String destination) {
        done = true;
        if (ticker != null) {
            try {
                ticker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.print(RESTORE + ERASE_LINE);
        }
        err.println("Successfully copied " + HumanSize.of(copied.get(), 3) + " to " + destination);
        err.flush();
    }

    private void tick(String header) {
        err.print(HIDE + RESTORE + ERASE_LINE + header + HumanSize.of(0, 3));
        long last = 0;
        while (!done) {
            try {
                Thread.sleep(UPDATE_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
            long n = copied.get();
            if (n != last) {
                err.print("\u001b[" + (header.length() + 1) + "G" + ERASE_TAIL + HumanSize.of(n, 3));
                err.flush();
                last = n;
            }
        }
        err.print(SHOW);
        err.flush();
    }
}
