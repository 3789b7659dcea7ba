package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import dev.berth.compose.model.Project;
import dev.berth.compose.project.Up;
import dev.berth.compose.project.UpOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth compose create}: {@code up} without starting anything. */
@Command(name = "create", description = "Creates containers for a service")
public final class ComposeCreateCommand extends ComposeCommand {

    @Option(names = "--build", description = "Build images before starting containers")
    boolean build;

    @Option(names = "--no-build", description = "Don't build an image, even if it's policy")
    boolean noBuild;

    @Option(names = "--force-recreate", description = "Recreate containers even if their configuration and image haven't changed")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them")
    boolean noRecreate;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Option(names = "--scale", description = "Scale SERVICE to NUM instances")
    List<String> scale = new ArrayList<>();

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = project(services);
        try {
            new Up(actions(), images(), files()).run(project, new UpOptions(services, false, forceRecreate, noRecreate,
                    build, noBuild, removeOrphans, scales(scale), false, null, null));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliFailure(1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        return 0;
    }
}
