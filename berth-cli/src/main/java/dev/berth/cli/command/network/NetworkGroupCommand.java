package dev.berth.cli.command.network;

import dev.berth.cli.command.ManagementCommand;
import picocli.CommandLine.Command;

/** {@code berth network}: the network verbs; alone it prints their list. */
@Command(name = "network", description = "Manage networks", synopsisSubcommandLabel = "COMMAND")
public final class NetworkGroupCommand extends ManagementCommand {
}
