package dev.berth.cli.command.compose;

import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth compose kill}: sends a signal (KILL by default) to the running containers. */
@Command(name = "kill", description = "Force stop service containers")
public final class ComposeKillCommand extends ServiceContainersCommand {

    @Option(names = {"-s", "--signal"}, defaultValue = "SIGKILL", description = "SIGNAL to send to the container")
    String signal;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file (accepted)")
    boolean removeOrphans;

    @Override
    void act(Lifecycle lifecycle, List<ProjectContainer> containers) throws IOException {
        lifecycle.kill(containers.reversed(), signal);
    }
}
