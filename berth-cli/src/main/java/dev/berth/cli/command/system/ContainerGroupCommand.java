package dev.berth.cli.command.system;

import dev.berth.cli.command.ManagementCommand;
import picocli.CommandLine.Command;

/** {@code berth container}: the container verbs; alone it prints their list. */
@Command(name = "container", description = "Manage containers", synopsisSubcommandLabel = "COMMAND")
public final class ContainerGroupCommand extends ManagementCommand {
}
