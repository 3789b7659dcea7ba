package dev.berth.cli.command.system;

import dev.berth.cli.command.ManagementCommand;
import picocli.CommandLine.Command;

/** {@code berth volume}: the volume verbs; alone it prints their list. */
@Command(name = "volume", description = "Manage volumes", synopsisSubcommandLabel = "COMMAND")
public final class VolumeGroupCommand extends ManagementCommand {
}
