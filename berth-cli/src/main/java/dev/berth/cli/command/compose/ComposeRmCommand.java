package dev.berth.cli.command.compose;

import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth compose rm}: removes the services' stopped containers ({@code -s} stops running
 * ones first). berth does not ask for confirmation: {@code -f} is accepted for compatibility.
 */
@Command(name = "rm", description = "Removes stopped service containers")
public final class ComposeRmCommand extends ServiceContainersCommand {

    @Option(names = {"-f", "--force"}, description = "Don't ask to confirm removal")
    boolean force;

    @Option(names = {"-s", "--stop"}, description = "Stop the containers, if required, before removing")
    boolean stop;

    @Option(names = {"-v", "--volumes"}, description = "Remove any anonymous volumes attached to containers")
    boolean volumes;

    @Override
    void act(Lifecycle lifecycle, List<ProjectContainer> containers) throws IOException {
        if (containers.stream().noneMatch(c -> !c.running() || stop)) {
            err().println("No stopped containers");
            return;
        }
        lifecycle.remove(containers.reversed(), stop, volumes, null);
    }
}
