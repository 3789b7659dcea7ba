package dev.berth.cli.command.system;

import dev.berth.cli.command.ManagementCommand;
import picocli.CommandLine.Command;

/** {@code berth system}: daemon-wide verbs (events, info); alone it prints their list. */
@Command(name = "system", description = "Manage Docker", synopsisSubcommandLabel = "COMMAND")
public final class SystemGroupCommand extends ManagementCommand {
}
