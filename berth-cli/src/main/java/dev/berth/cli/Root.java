package dev.berth.cli;

import dev.berth.cli.command.DeclaredCommand;
import dev.berth.cli.command.ManagementCommand;
import dev.berth.cli.command.SpecBuilder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code berth} itself: the global options; without a command it prints its usage. Declared
 * in code (see {@link DeclaredCommand}): it is part of every command line.
 */
public final class Root extends ManagementCommand implements DeclaredCommand {

    private String logLevel;

    @Override
    public CommandSpec spec() {
        CommandSpec spec = new SpecBuilder(this, "berth", "A self-sufficient runtime for containers")
                .add(OptionSpec.builder("-v", "--version").versionHelp(true).type(boolean.class),
                        "Print version information and quit", "version", false, v -> { })
                // picocli resets every option before parsing: null and false are not the user's
                .add(OptionSpec.builder("-H", "--host").paramLabel("HOST").type(String.class),
                        "Daemon socket to connect to (default $BERTH_HOST, then unix:///run/berth.sock)", "host",
                        (String) null, host -> {
                            if (host != null) {
                                ctx().host(host);
                            }
                        })
                .add(OptionSpec.builder("-D", "--debug").type(boolean.class), "Enable debug mode", "debug", false,
                        debug -> {
                            if (debug) {
                                ctx().debug(true);
                            }
                        })
                .add(OptionSpec.builder("-l", "--log-level").paramLabel("LEVEL").type(String.class),
                        "Set the logging level (debug, info, warn, error, fatal)", "logLevel", (String) null,
                        level -> logLevel = level)
                .build();
        spec.versionProvider(new BuildInfo());
        spec.usageMessage().synopsisSubcommandLabel("COMMAND");
        return declared(spec);
    }
}
