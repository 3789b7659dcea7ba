package dev.berth.cli.command.compose;

import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.project.BuildFlags;
import dev.berth.compose.project.ServiceImages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth compose build}: builds the images of the services that have {@code build:}. */
@Command(name = "build", description = "Build or rebuild services")
public final class ComposeBuildCommand extends ComposeCommand {

    @Option(names = "--no-cache", description = "Do not use cache when building the image")
    boolean noCache;

    @Option(names = "--pull", description = "Always attempt to pull a newer version of the image")
    boolean pull;

    @Option(names = {"-q", "--quiet"}, description = "Don't print anything to STDOUT")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = project(services);
        ServiceImages images = images();
        BuildFlags flags = new BuildFlags(noCache, pull);
        for (Service s : selected(project, services, s -> s.build() != null)) {
            images.build(project, s, flags);
        }
        return 0;
    }
}
