package dev.berth.cli.command.image;

import dev.berth.api.client.JsonMessageStream;
import dev.berth.api.types.system.JsonMessage;
import dev.berth.cli.CliFailure;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Prints a JSON-message stream as docker's CLI does without a terminal: {@code stream} text
 * as it is, {@code status} on its own line (prefixed by "id: "); an error ends the command
 * with status 1 after what came before it.
 */
public final class JsonMessages {

    private JsonMessages() {
    }

    /** Ends the command with status 1 when {@code m} carries an error ({@code errorDetail} or {@code error}). */
    public static void failOnError(JsonMessage m) {
        if (m.errorDetail() != null || m.error() != null) {
            String text = m.errorDetail() != null && m.errorDetail().message() != null
                    ? m.errorDetail().message() : m.error();
            throw new CliFailure(1, text);
        }
    }

    static void print(JsonMessageStream messages, PrintStream out) throws IOException {
        try (messages) {
            JsonMessage m;
            while ((m = messages.next()) != null) {
                failOnError(m);
                if (m.stream() != null) {
                    out.print(m.stream());
                } else if (m.status() != null) {
                    String prefix = m.id() == null || m.id().isEmpty() ? "" : m.id() + ": ";
                    String progress = m.progress() == null || m.progress().isEmpty() ? "" : " " + m.progress();
                    out.println(prefix + m.status() + progress);
                }
                out.flush();
            }
        }
    }
}
