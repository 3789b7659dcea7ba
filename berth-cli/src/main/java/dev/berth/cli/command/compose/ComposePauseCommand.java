package dev.berth.cli.command.compose;

import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code berth compose pause}: freezes the services' running containers. */
@Command(name = "pause", description = "Pause services")
public final class ComposePauseCommand extends ServiceContainersCommand {

    @Override
    void act(Lifecycle lifecycle, List<ProjectContainer> containers) throws IOException {
        lifecycle.pause(containers, true);
    }
}
