package dev.berth.cli.command.compose;

import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code berth compose unpause}: thaws the services' paused containers. */
@Command(name = "unpause", description = "Unpause services")
public final class ComposeUnpauseCommand extends ServiceContainersCommand {

    @Override
    void act(Lifecycle lifecycle, List<ProjectContainer> containers) throws IOException {
        lifecycle.pause(containers, false);
    }
}
