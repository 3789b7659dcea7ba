package dev.berth.cli.command.compose;

import dev.berth.compose.project.LogPrefixes;
import dev.berth.compose.project.LogSink;
import dev.berth.compose.project.ProjectContainer;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Prints followed logs as compose does: {@code "web-1  | line"} (coloured prefixes on a
 * terminal, none with {@code --no-log-prefix}), stderr lines to stderr, and when a stream ends
 * (in {@code up}) {@code "web-1 exited with code 0"}.
 */
final class ComposeLogPrinter implements LogSink {

    private final PrintStream out;
    private final PrintStream err;
    private final LogPrefixes prefixes;
    private final boolean prefix;
    private final Consumer<ProjectContainer> onEnd;

    ComposeLogPrinter(PrintStream out, PrintStream err, LogPrefixes prefixes, boolean prefix, Consumer<ProjectContainer> onEnd) {
        this.out = out;
        this.err = err;
        this.prefixes = prefixes;
        this.prefix = prefix;
        this.onEnd = onEnd;
    }

    @Override
    public void line(ProjectContainer container, boolean stderr, String line) {
        String text = prefix ? prefixes.prefix(container.shortName()) + line : line;
        PrintStream target = stderr ? err : out;
        synchronized (ComposeLogPrinter.class) {
            target.println(text);
            target.flush();
        }
    }

    @Override
    public void ended(ProjectContainer container) {
        if (onEnd != null) {
            onEnd.accept(container);
        }
    }

    /** compose's status line for a container that stopped. */
    void status(ProjectContainer container, String message) {
        synchronized (ComposeLogPrinter.class) {
            out.println(container.shortName() + " " + message);
            out.flush();
        }
    }
}
