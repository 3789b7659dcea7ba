package dev.berth.cli.command.compose;

import dev.berth.compose.model.Project;
import dev.berth.compose.project.Lifecycle;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/**
 * A verb over the existing containers of some services (start, stop, restart, kill, pause,
 * unpause, rm): it finds them by label, in start order, and hands them to {@link #act}.
 */
abstract class ServiceContainersCommand extends ComposeCommand {

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public final Integer call() throws IOException {
        Project project = projectIfAny(List.of());
        String name = requireProject(projectName(project));
        List<ProjectContainer> containers = inStartOrder(project, containers(name, true, services));
        act(new Lifecycle(actions()), containers);
        return 0;
    }

    /** {@code containers} are in start order; stop-like verbs reverse them. */
    abstract void act(Lifecycle lifecycle, List<ProjectContainer> containers) throws IOException;

    static java.time.Duration seconds(Integer timeout) {
        return timeout == null ? null : java.time.Duration.ofSeconds(timeout);
    }
}
