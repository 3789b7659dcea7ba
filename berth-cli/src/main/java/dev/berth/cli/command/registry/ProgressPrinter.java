package dev.berth.cli.command.registry;

import dev.berth.api.client.JsonMessageStream;
import dev.berth.api.types.system.JsonMessage;
import dev.berth.cli.command.image.JsonMessages;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints a pull or push stream as docker's CLI does (its jsonmessage display). On a terminal
 * each layer keeps one line that is redrawn in place (cursor up, clear, the status with the
 * daemon's progress bar, cursor back down); a line without a layer ID starts a fresh block.
 * Otherwise plain lines ({@code id: status}), leaving out the intermediate byte counts that
 * only a terminal can redraw. An error message ends the command with status 1.
 */
public final class ProgressPrinter {

    private static final String ESC = "\u001b[";

    private final PrintStream out;
    private final boolean terminal;
    /** Layer ID -> its line in the current block, counted from the block's first line. */
    private final Map<String, Integer> lines = new HashMap<>();
    private String last;

    private ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Prints {@code messages} as plain lines (nothing when {@code out} is null); returns the last status line. */
    public static String print(JsonMessageStream messages, PrintStream out) throws IOException {
        return print(messages, out, false);
    }

    /** Prints {@code messages}, redrawing per-layer lines when {@code terminal}; returns the last status line. */
    public static String print(JsonMessageStream messages, PrintStream out, boolean terminal) throws IOException {
        ProgressPrinter p = new ProgressPrinter(out, terminal && out != null);
        try (messages) {
            JsonMessage m;
            while ((m = messages.next()) != null) {
                JsonMessages.failOnError(m);
                p.show(m);
            }
        }
        return p.last;
    }

    private void show(JsonMessage m) {
        if (m.status() == null) {
            return; // aux: read by the caller's stream, not shown
        }
        boolean hasProgress = m.progress() != null && !m.progress().isEmpty();
        if (!hasProgress) {
            last = m.status();
        }
        if (out == null) {
            return;
        }
        String id = m.id() == null || m.id().isEmpty() ? null : m.id();
        if (!terminal) {
            if (!hasProgress) {
                out.println((id == null ? "" : id + ": ") + m.status());
                out.flush();
            }
            return;
        }
        if (id == null) {
            lines.clear(); // what follows belongs to a new block (pull -a: the next tag)
            out.print(ESC + "2K\r" + m.status() + "\n");
            out.flush();
            return;
        }
        Integer line = lines.get(id);
        if (line == null) {
            line = lines.size();
            lines.put(id, line);
            out.print("\n");
        }
        int up = lines.size() - line;
        out.print(ESC + up + "A" + ESC + "2K\r" + id + ": " + m.status() + (hasProgress ? " " + m.progress() : "")
                + "\r" + ESC + up + "B");
        out.flush();
    }
}
