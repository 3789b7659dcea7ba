package dev.berth.cli.command.compose;

import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.project.ServiceImages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth compose pull}: pulls the services' images (services that only build are skipped). */
@Command(name = "pull", description = "Pull service images")
public final class ComposePullCommand extends ComposeCommand {

    @Option(names = "--ignore-pull-failures", description = "Pull what it can and ignores images with pull failures")
    boolean ignoreFailures;

    @Option(names = {"-q", "--quiet"}, description = "Pull without printing progress information")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = project(services);
        ServiceImages images = images();
        for (Service s : selected(project, services, s -> s.image() != null)) {
            try {
                images.pull(s.image(), s.platform());
            } catch (IOException e) {
                if (!ignoreFailures) {
                    throw e;
                }
                progress().warning(describe(e));
            }
        }
        return 0;
    }
}
