package dev.berth.cli;

import dev.berth.cli.command.ManagementCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth} itself: the global options; without a command it prints its usage. */
@Command(name = "berth", versionProvider = BuildInfo.class,
        description = "A self-sufficient runtime for containers",
        synopsisSubcommandLabel = "COMMAND")
public final class Root extends ManagementCommand {

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print version information and quit")
    boolean version;

    @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "Daemon socket to connect to (default $BERTH_HOST, then unix:///run/berth.sock)")
    void host(String host) {
        ctx().host(host);
    }

    @Option(names = {"-D", "--debug"}, description = "Enable debug mode")
    void debug(boolean debug) {
        ctx().debug(debug);
    }

    @Option(names = {"-l", "--log-level"}, paramLabel = "LEVEL",
            description = "Set the logging level (debug, info, warn, error, fatal)")
    String logLevel;
}
