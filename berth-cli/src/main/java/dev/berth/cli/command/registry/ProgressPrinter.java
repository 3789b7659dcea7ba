package dev.berth.cli.command.registry;

import dev.berth.api.client.JsonMessageStream;
import dev.berth.api.types.system.JsonMessage;
import dev.berth.cli.command.image.JsonMessages;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Prints a pull or push stream as plain lines ({@code id: status}), leaving out the
 * intermediate byte counts ("Downloading", "Extracting", "Pushing" with progress) that only
 * a terminal can redraw. An error message ends the command with status 1.
 */
public final class ProgressPrinter {

    private ProgressPrinter() {
    }

    /** Prints {@code messages} (nothing when {@code out} is null); returns the last status line. */
    public static String print(JsonMessageStream messages, PrintStream out) throws IOException {
        String last = null;
        try (messages) {
            JsonMessage m;
            while ((m = messages.next()) != null) {
                JsonMessages.failOnError(m);
                if (m.status() == null || (m.progress() != null && !m.progress().isEmpty())) {
                    continue;
                }
                last = m.status();
                if (out != null) {
                    out.println((m.id() == null || m.id().isEmpty() ? "" : m.id() + ": ") + m.status());
                    out.flush();
                }
            }
        }
        return last;
    }
}
