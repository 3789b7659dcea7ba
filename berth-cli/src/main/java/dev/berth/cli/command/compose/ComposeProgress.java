package dev.berth.cli.command.compose;

import dev.berth.compose.project.Progress;
import java.io.PrintStream;

/**
 * compose's progress on stderr. Plain (not a terminal, or {@code --progress plain}): every
 * event on its own line, {@code " Container app-web-1 Started"}, as compose's plain writer
 * prints. On a terminal: one line per finished step, {@code " ✔ Container app-web-1  Started"}
 * with compose's green tick (no live redraw). Warnings are compose's {@code WARN[0000]} lines.
 */
final class ComposeProgress implements Progress {

    private final PrintStream err;
    private final boolean tty;
    private final boolean colour;

    ComposeProgress(PrintStream err, boolean tty, boolean colour) {
        this.err = err;
        this.tty = tty;
        this.colour = colour;
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
        if (resource.isEmpty()) {
            err.println((colour ? "\033[33mWARN\033[0m" : "WARN") + "[0000] " + text);
        } else if (!tty) {
            err.println(" " + resource + " " + text);
        } else if (state != State.WORKING) {
            String glyph = switch (state) {
                case DONE -> colour ? "\033[32m✔\033[0m" : "✔";
                case WARNING -> colour ? "\033[33m!\033[0m" : "!";
                default -> colour ? "\033[31m✘\033[0m" : "✘";
            };
            err.println(" " + glyph + " " + resource + "  " + text);
        }
        err.flush();
    }
}
