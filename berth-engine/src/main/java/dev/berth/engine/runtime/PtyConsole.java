package dev.berth.engine.runtime;

import dev.berth.engine.error.SystemException;
import dev.berth.posix.PosixException;
import dev.berth.posix.Pty;
import dev.berth.posix.Terminals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The master of a TTY process's terminal, held by the daemon: its output is the container's
 * raw output, its input the container's keyboard. Two kinds:
 * <ul>
 * <li>{@link #received}: the container's own terminal, handed over by the runtime on a
 *     console socket ({@link ConsoleHandover}, crun). Its output ends when the last process
 *     holding the terminal exited.
 * <li>{@link #open}: a terminal the daemon opens for a runtime started with
 *     {@code process.terminal} and no console socket (runc): the runtime's stdin, stdout and
 *     stderr are the slave (and its controlling terminal), so the runtime allocates the
 *     container's own terminal and copies between the two. Our side is put in raw mode so
 *     that no key (Ctrl-C, Ctrl-Z) turns into a signal for the runtime itself.
 * </ul>
 *
 * <p>The master is read by one platform thread (a blocking read would pin a virtual
 * thread's carrier) into a small queue that {@link #output()} serves. The master is closed
 * once its output ended (every slave closed: the runtime exited).
 */
public final class PtyConsole implements TaskTerminal {

    private static final byte[] END = new byte[0];

    private final Pty master;
    private final Path slave;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(64);
    private volatile Path containerStdin;
    private volatile boolean ended;
    private volatile boolean abandoned;

    private PtyConsole(Pty master, Path slave) {
        this.master = master;
        this.slave = slave;
    }

    /** The container's own terminal, received from the runtime (no resize workaround needed). */
    public static PtyConsole received(Pty master) {
        return new PtyConsole(master, null);
    }

    /** Opens a raw pseudo-terminal of the given size (0 rows: leave the default). */
    public static PtyConsole open(int rows, int columns) {
        try {
            Terminals.Opened opened = Terminals.open();
            try {
                Terminals.makeRaw(opened.master().fd());
                if (rows > 0 && columns > 0) {
                    Terminals.resize(opened.master().fd(), new Terminals.Size(rows, columns));
                }
            } catch (PosixException e) {
                opened.master().close();
                throw e;
            }
            return new PtyConsole(opened.master(), opened.slave());
        } catch (PosixException e) {
            throw new SystemException("cannot open a pseudo-terminal: " + e.getMessage(), e);
        }
    }

    /**
     * The command that runs {@code argv} with the slave as stdin, stdout, stderr and
     * controlling terminal. The shell opens the slave (so the daemon never does, and never
     * acquires it); {@code setsid -c} then makes it the new session's terminal.
     */
    public List<String> wrap(List<String> argv) {
        if (slave == null) {
            throw new IllegalStateException("a received terminal has no slave path to wrap a command in");
        }
        List<String> wrapped = new java.util.ArrayList<>(List.of("sh", "-c",
                "exec 0<>\"$0\" 1>&0 2>&0 && exec setsid -c \"$@\"", slave.toString()));
        wrapped.addAll(argv);
        return wrapped;
    }

    /** Starts copying the master's output; call once the runtime holds the slave. */
    public void startReading(String name) {
        Thread.ofPlatform().daemon().name("pty-" + name).start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = master.input()) {
                int n;
                while ((n = in.read(buffer)) > 0 && !abandoned) {
                    chunks.put(java.util.Arrays.copyOf(buffer, n));
                }
            } catch (IOException | RuntimeException e) {
                // the terminal went away: its output ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ended = true;
                master.close();
                // blocking: a full queue at EOF must not lose the end (the reader drains it)
                if (!abandoned) {
                    putEnd();
                }
            }
        });
    }

    /**
     * Ends {@link #output()} {@code grace} after {@code exit} completed, if the terminal is
     * still open then: a process outside the container's PID namespace that kept the
     * terminal must not hold the container's exit back forever.
     */
    public void endAfter(java.util.concurrent.CompletableFuture<?> exit, java.time.Duration grace) {
        exit.whenComplete((v, e) -> Thread.ofVirtual().start(() -> {
            long deadline = System.nanoTime() + grace.toNanos();
            while (!ended && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20));
            }
            if (!ended) {
                abandoned = true;
                putEnd();
            }
        }));
    }

    private void putEnd() {
        try {
            chunks.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The container's process, once known: resizes also reach its own terminal (crun does not forward SIGWINCH). */
    public void containerPid(long pid) {
        if (slave == null) {
            return; // a received terminal is the container's own
        }
        this.containerStdin = Path.of("/proc", Long.toString(pid), "fd", "0");
    }

    /** The terminal's output; EOF once the runtime exited. */
    public InputStream output() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int pos;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (pos == current.length) {
                    if (ended) {
                        return -1;
                    }
                    try {
                        current = chunks.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException();
                    }
                    pos = 0;
                    if (current == END) {
                        ended = true;
                        return -1;
                    }
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    /** The terminal's keyboard. Closing it does not close the terminal (a TTY has no EOF to pass on). */
    public OutputStream input() {
        OutputStream out = master.output();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        };
    }

    @Override
    public void resize(int rows, int columns) {
        Terminals.Size size = new Terminals.Size(rows, columns);
        if (ended) {
            throw new dev.berth.engine.error.ConflictException("the terminal is closed: the process has exited");
        }
        try {
            Terminals.resize(master.fd(), size);
            Path inner = containerStdin;
            if (inner != null && Files.exists(inner)) {
                Terminals.resize(inner, size);
            }
        } catch (PosixException e) {
            throw new SystemException("cannot resize the terminal: " + e.getMessage(), e);
        }
    }

    /** Releases the terminal when the runtime never started. */
    public void abandon() {
        master.close();
    }
}
