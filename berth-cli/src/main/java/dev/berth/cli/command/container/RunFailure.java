package dev.berth.cli.command.container;

import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;

/**
 * Exit statuses of run and create when the daemon refuses, as docker's toStatusError picks
 * them from the message: 127 when the command is not found, 126 when it cannot be invoked,
 * 125 for anything else the daemon refused.
 */
final class RunFailure {

    private RunFailure() {
    }

    static int status(String message) {
        if (message.contains("executable file not found") || message.contains("no such file or directory")
                || message.contains("system cannot find the file specified")) {
            return 127;
        }
        if (message.contains("permission denied") || message.contains("is a directory")) {
            return 126;
        }
        return 125;
    }

    /** docker's text: "berth: <error>", a blank line, where to look for help. */
    static CliFailure of(IOException e, String command) {
        String text = BerthCommand.describe(e);
        return of(text, command);
    }

    static CliFailure of(String text, String command) {
        return new CliFailure(status(text), "berth: " + text + "\n\nRun 'berth " + command + " --help' for more information");
    }
}
