package dev.berth.cli.command.container;

import dev.berth.posix.PosixException;
import dev.berth.posix.Terminals;
import java.io.IOException;
import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The local terminal while attached to a container's TTY: raw mode (keys go to the
 * container as typed, Ctrl-C included), the window size sent at start and on every
 * SIGWINCH. {@link #close()} puts the terminal back; a shutdown hook does the same when
 * the CLI ends another way (a signal, {@code System.exit}).
 */
final class TerminalSession implements AutoCloseable {

    /** Where a window size goes: the container's or the exec's resize endpoint. */
    interface Resize {
        void resize(int rows, int columns) throws IOException;
    }

    private static final int STDIN = 0;
    private static final int STDOUT = 1;

    private final Terminals.Saved saved;
    private final Thread restoreHook;
    private final SignalHandler previousWinch;
    private final Signal winch;
    private boolean closed;

    private TerminalSession(Terminals.Saved saved, Signal winch, SignalHandler previousWinch) {
        this.saved = saved;
        this.winch = winch;
        this.previousWinch = previousWinch;
        this.restoreHook = new Thread(() -> Terminals.restore(saved), "berth-restore-terminal");
        Runtime.getRuntime().addShutdownHook(restoreHook);
    }

    /** Raw mode and size tracking when stdin is a terminal; empty when it is not (a pipe, a file). */
    static Optional<TerminalSession> begin(Resize resize) {
        if (!Terminals.isTerminal(STDIN)) {
            return Optional.empty();
        }
        Terminals.Saved saved;
        try {
            saved = Terminals.makeRaw(STDIN);
        } catch (PosixException e) {
            return Optional.empty();
        }
        Signal winch = new Signal("WINCH");
        SignalHandler previous = Signal.handle(winch, s -> Thread.ofVirtual().start(() -> sendSize(resize)));
        TerminalSession session = new TerminalSession(saved, winch, previous);
        sendSize(resize);
        return Optional.of(session);
    }

    /** The current window size of the local terminal, when there is one. */
    static Optional<Terminals.Size> currentSize() {
        for (int fd : new int[] {STDOUT, STDIN}) {
            if (Terminals.isTerminal(fd)) {
                try {
                    return Optional.of(Terminals.size(fd));
                } catch (PosixException e) {
                    // try the next one
                }
            }
        }
        return Optional.empty();
    }

    private static void sendSize(Resize resize) {
        currentSize().filter(s -> s.rows() > 0 && s.columns() > 0).ifPresent(size -> {
            try {
                resize.resize(size.rows(), size.columns());
            } catch (IOException | RuntimeException e) {
                // the container ended meanwhile: nothing to resize
            }
        });
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Signal.handle(winch, previousWinch);
        Terminals.restore(saved);
        try {
            Runtime.getRuntime().removeShutdownHook(restoreHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
