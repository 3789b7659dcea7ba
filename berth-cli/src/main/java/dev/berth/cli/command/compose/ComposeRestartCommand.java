package dev.berth.cli.command.compose;

import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth compose restart}: restarts the existing containers as they are, so an image
 * built since is not picked up (that is {@code up}'s job), as docker documents.
 */
@Command(name = "restart", description = "Restart service containers")
public final class ComposeRestartCommand extends ServiceContainersCommand {

    @Option(names = {"-t", "--timeout"}, description = "Specify a shutdown timeout in seconds")
    Integer timeout;

    @Option(names = "--no-deps", description = "Don't restart dependent services (accepted)")
    boolean noDeps;

    @Override
    void act(Lifecycle lifecycle, List<ProjectContainer> containers) throws IOException {
        lifecycle.restart(containers, seconds(timeout));
    }
}
