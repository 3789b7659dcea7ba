package dev.berth.cli.command.system;

import dev.berth.cli.command.ManagementCommand;
import picocli.CommandLine.Command;

/** {@code berth image}: the image verbs; alone it prints their list. */
@Command(name = "image", description = "Manage images", synopsisSubcommandLabel = "COMMAND")
public final class ImageGroupCommand extends ManagementCommand {
}
