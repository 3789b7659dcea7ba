package dev.berth.cli.command.compose;

import dev.berth.api.client.PendingWait;
import dev.berth.cli.CliFailure;
import dev.berth.compose.model.Project;
import dev.berth.compose.project.Down;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose wait SERVICE...}: blocks until the first of the services' containers
 * stops and exits with its exit code, as compose's wait; {@code --down-project} then takes
 * the whole project down.
 */
@Command(name = "wait", description = "Block until containers of all (or specified) services stop.")
public final class ComposeWaitCommand extends ComposeCommand {

    @Option(names = "--down-project", description = "Drops project when the first container stops")
    boolean downProject;

    @Parameters(paramLabel = "SERVICE", arity = "1..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = projectIfAny(services);
        String name = requireProject(projectName(project));
        List<ProjectContainer> targets = containers(name, true, services);
        if (targets.isEmpty()) {
            throw new CliFailure(1, "no containers for project \"" + name + "\"");
        }
        BlockingQueue<Object> first = new ArrayBlockingQueue<>(targets.size());
        List<PendingWait> waits = new ArrayList<>();
        for (ProjectContainer c : targets) {
            PendingWait wait = client().containers().await(c.id(), null);
            waits.add(wait);
            Thread.ofVirtual().start(() -> {
                try {
                    first.add(wait.result().statusCode());
                } catch (IOException e) {
                    first.add(e);
                }
            });
        }
        Object result;
        try {
            result = first.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            for (PendingWait w : waits) {
                w.close();
            }
        }
        if (result instanceof IOException e) {
            throw e;
        }
        if (downProject) {
            new Down(actions(), files()).run(name, project, new Down.Options(false, Down.RemoveImages.NONE, false, null));
        }
        return (int) (long) (Long) result;
    }
}
