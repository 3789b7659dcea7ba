package dev.berth.cli.command.compose;

import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth compose stop}: stops the services' containers, dependents first. */
@Command(name = "stop", description = "Stop services")
public final class ComposeStopCommand extends ServiceContainersCommand {

    @Option(names = {"-t", "--timeout"}, description = "Specify a shutdown timeout in seconds")
    Integer timeout;

    @Override
    void act(Lifecycle lifecycle, List<ProjectContainer> containers) throws IOException {
        lifecycle.stop(containers.reversed(), seconds(timeout));
    }
}
