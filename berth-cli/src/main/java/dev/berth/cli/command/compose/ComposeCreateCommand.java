package dev.berth.cli.command.compose;

import dev.berth.compose.model.Project;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code berth compose create}: {@code up} without starting anything. */
@Command(name = "create", description = "Creates containers for a service")
public final class ComposeCreateCommand extends ComposeCommand {

    @Mixin
    ConvergenceFlags convergence = new ConvergenceFlags();

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = project(services);
        try {
            converge(project, convergence.options(services, false, false, null, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        return 0;
    }
}
