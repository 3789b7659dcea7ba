package dev.berth.cli.command.system;

import dev.berth.cli.command.ManagementCommand;
import picocli.CommandLine.Command;

/** {@code berth builder}: the builder's verbs (build, prune); alone it prints their list. */
@Command(name = "builder", description = "Manage builds", synopsisSubcommandLabel = "COMMAND")
public final class BuilderGroupCommand extends ManagementCommand {
}
