package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import dev.berth.compose.model.Project;
import dev.berth.compose.project.UpOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose watch}: brings the project up as {@code up -d} does (unless
 * {@code --no-up}), then applies the services' {@code develop.watch} rules to every change of
 * their paths until Ctrl-C or SIGTERM; the containers keep running afterwards.
 */
@Command(name = "watch", description = "Watch build context for service and rebuild/refresh containers when files are updated")
public final class ComposeWatchCommand extends ComposeCommand {

    @Option(names = "--no-up", description = "Do not build & start services before watching")
    boolean noUp;

    @Option(names = "--prune", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Prune dangling images on rebuild")
    boolean prune;

    @Option(names = "--quiet", description = "hide build output (accepted)")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = project(services);
        WatchSession.check(project, services);
        try {
            if (!noUp) {
                converge(project, new UpOptions(services, false, false, false, false, false, false, Map.of(), true,
                        null, null));
            }
            startWatch(project, services, prune).awaitSignal();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliFailure(1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        return 0;
    }
}
