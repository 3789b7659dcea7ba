package dev.berth.cli.command.compose;

import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code berth compose start}: starts the services' existing containers, dependencies first. */
@Command(name = "start", description = "Start services")
public final class ComposeStartCommand extends ServiceContainersCommand {

    @Override
    void act(Lifecycle lifecycle, List<ProjectContainer> containers) throws IOException {
        lifecycle.start(containers);
    }
}
