package dev.berth.cli.command.compose;

import dev.berth.compose.project.Progress;
import java.io.PrintStream;

/**
 * compose's progress on stderr. Plain (not a terminal, or {@code --progress plain}): every
 * event on its own line, {@code " Container app-web-1 Started"}, as compose's plain writer
 * prints. On a terminal: compose's live view, a {@link ProgressBoard} redrawn in place (cursor
 * up, clear line) at each event and every 100 ms while something is in progress, spinners
 * turning into ✔; after {@link #settle} (the stop after a foreground up's logs) one ✔ line per
 * finished step. Warnings are compose's {@code WARN[0000]} lines, printed above the board.
 */
final class ComposeProgress implements Progress {

    private static final long TICK_MILLIS = 100;

    private final PrintStream err;
    private final boolean tty;
    private final boolean colour;
    private ProgressBoard board;
    private int drawn;
    private int frame;
    private Thread ticker;
    private boolean live = true;

    ComposeProgress(PrintStream err, boolean tty, boolean colour) {
        this.err = err;
        this.tty = tty;
        this.colour = colour;
        this.board = new ProgressBoard(colour);
    }

    /** {@code mode}: auto, tty, plain or quiet, as {@code --progress}. */
    static Progress of(PrintStream err, String mode, boolean terminal, boolean colour) {
        return switch (mode == null ? "auto" : mode) {
            case "quiet" -> Progress.silent();
            case "plain" -> new ComposeProgress(err, false, false);
            case "tty" -> new ComposeProgress(err, true, colour);
            default -> new ComposeProgress(err, terminal, colour && terminal);
        };
    }

    @Override
    public synchronized void event(String resource, State state, String text) {
        long now = System.nanoTime();
        if (resource.isEmpty()) {
            if (tty) {
                erase();
            }
            err.println((colour ? "\033[33mWARN\033[0m" : "WARN") + "[0000] " + text);
            if (tty) {
                redraw(now);
            }
        } else if (!tty) {
            err.println(" " + resource + " " + text);
        } else if (!live) {
            if (state != State.WORKING) {
                err.println(board.line(resource, state, text));
            }
        } else {
            board.update(resource, state, text, now);
            redraw(now);
            if (board.working() && ticker == null) {
                ticker = Thread.ofPlatform().daemon().name("compose-progress").start(this::tick);
            }
        }
        err.flush();
    }

    /**
     * Ends the live view: from now on each finished step is one ✔ line that is never redrawn.
     * For the stop after a foreground up's logs, where log lines on stdout interleave with the
     * progress and a redraw would overwrite them.
     */
    synchronized void settle() {
        live = false;
        board = new ProgressBoard(colour);
        drawn = 0;
    }

    /** Turns the spinners while something is in progress. */
    private void tick() {
        try {
            while (true) {
                Thread.sleep(TICK_MILLIS);
                synchronized (this) {
                    if (!board.working()) {
                        ticker = null;
                        return;
                    }
                    frame++;
                    redraw(System.nanoTime());
                    err.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void erase() {
        if (drawn > 0) {
            err.print("\033[" + drawn + "A\033[J");
            drawn = 0;
        }
    }

    private void redraw(long now) {
        if (board.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder();
        if (drawn > 0) {
            out.append("\033[").append(drawn).append('A');
        }
        var lines = board.render(now, frame);
        for (String line : lines) {
            out.append("\033[2K").append(line).append('\n');
        }
        err.print(out);
        drawn = lines.size();
    }
}
