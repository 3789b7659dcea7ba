package dev.berth.cli.command.compose;

import dev.berth.cli.Main;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose push}: pushes the images of the services that name one ({@code image:}),
 * each through berth's own {@code push} (same credentials and progress); services that only
 * build under the project's generated name are skipped, as compose skips them.
 */
@Command(name = "push", description = "Push service images")
public final class ComposePushCommand extends ComposeCommand {

    @Option(names = "--ignore-push-failures", description = "Push what it can and ignores images with push failures")
    boolean ignoreFailures;

    @Option(names = {"-q", "--quiet"}, description = "Push without printing progress information")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = project(services);
        for (Service s : selected(project, services, s -> s.image() != null)) {
            List<String> args = new ArrayList<>(List.of("push"));
            if (quiet) {
                args.add("-q");
            }
            args.add(s.image());
            int code = Main.run(args.toArray(String[]::new), ctx());
            if (code != 0 && !ignoreFailures) {
                return code;
            }
        }
        return 0;
    }
}
