package dev.berth.cli.command.compose;

import dev.berth.compose.project.ComposeLabels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth compose version}: the compose version berth speaks, as docker compose prints its own. */
@Command(name = "version", description = "Show the Docker Compose version information")
public final class ComposeVersionCommand extends ComposeCommand {

    @Option(names = "--short", description = "Shows only Compose's version number")
    boolean shortForm;

    @Option(names = {"-f", "--format"}, description = "Format the output. Values: [pretty | json]")
    String format;

    @Override
    public Integer call() {
        String version = "v" + ComposeLabels.COMPOSE_VERSION;
        if (shortForm) {
            out().println(ComposeLabels.COMPOSE_VERSION);
        } else if ("json".equals(format)) {
            out().println("{\"version\":\"" + version + "\"}");
        } else {
            out().println("Docker Compose version " + version + " (berth)");
        }
        return 0;
    }
}
