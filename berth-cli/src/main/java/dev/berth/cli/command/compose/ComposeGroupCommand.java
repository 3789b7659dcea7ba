package dev.berth.cli.command.compose;

import dev.berth.cli.command.ManagementCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth compose}: compose's global flags, shared by every verb (read through
 * {@link ComposeCommand#group()}); alone it prints the list of verbs, as docker compose does.
 */
@Command(name = "compose", description = "Define and run multi-container applications", synopsisSubcommandLabel = "COMMAND")
public final class ComposeGroupCommand extends ManagementCommand {

    @Option(names = {"-f", "--file"}, description = "Compose configuration files")
    List<String> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, description = "Project name")
    String projectName;

    @Option(names = "--project-directory", description = "Specify an alternate working directory (default: the path of the, first specified, Compose file)")
    String projectDirectory;

    @Option(names = "--profile", description = "Specify a profile to enable")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--env-file", description = "Specify an alternate environment file")
    List<String> envFiles = new ArrayList<>();

    @Option(names = "--ansi", defaultValue = "auto", description = "Control when to print ANSI control characters (\"never\"|\"always\"|\"auto\")")
    String ansi;

    @Option(names = "--progress", description = "Set type of progress output (auto, tty, plain, quiet)")
    String progress;
}
