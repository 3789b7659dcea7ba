package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import dev.berth.compose.model.Project;
import dev.berth.compose.project.DependencyWait;
import dev.berth.compose.project.ProjectContainer;
import dev.berth.compose.project.UpOptions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose up}: converge the project; with {@code -d} return once started (with
 * {@code --wait} once running/healthy), otherwise stream the containers' logs until they all
 * stop, Ctrl-C stopping them (see {@link AttachedProject}). With {@code --watch} the services'
 * {@code develop.watch} rules are applied meanwhile (see {@link WatchSession}).
 */
@Command(name = "up", description = "Create and start containers")
public final class ComposeUpCommand extends ComposeCommand {

    @Mixin
    ConvergenceFlags convergence = new ConvergenceFlags();

    @Option(names = {"-d", "--detach"}, description = "Detached mode: Run containers in the background")
    boolean detach;

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Option(names = "--no-start", description = "Don't start the services after creating them")
    boolean noStart;

    @Option(names = "--wait", description = "Wait for services to be running|healthy. Implies detached mode")
    boolean waitHealthy;

    @Option(names = "--wait-timeout", description = "Maximum duration in seconds to wait for the project to be running|healthy")
    Integer waitTimeout;

    @Option(names = "--abort-on-container-exit", description = "Stops all containers if any container was stopped. Incompatible with -d")
    boolean abortOnExit;

    @Option(names = "--exit-code-from", description = "Return the exit code of the selected service container. Implies --abort-on-container-exit")
    String exitCodeFrom;

    @Option(names = {"-t", "--timeout"}, description = "Use this timeout in seconds for container shutdown when attached or when containers are already running")
    Integer timeout;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
    boolean noLogPrefix;

    @Option(names = "--no-color", description = "Produce monochrome output")
    boolean noColor;

    @Option(names = "--quiet-pull", description = "Pull without printing progress information")
    boolean quietPull;

    @Option(names = "--pull", description = "Pull image before running (\"always\"|\"missing\"|\"never\") (accepted)")
    String pull;

    @Option(names = "--attach-dependencies", description = "Automatically attach to log output of dependent services (accepted)")
    boolean attachDependencies;

    @Option(names = {"-w", "--watch"}, description = "Watch source code and rebuild/refresh containers when files are updated")
    boolean watch;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        boolean background = detach || waitHealthy;
        if (background && (abortOnExit || exitCodeFrom != null)) {
            throw new CliFailure(1, "--abort-on-container-exit and --detach are incompatible");
        }
        Project project = project(services);
        if (watch) {
            WatchSession.check(project, services);
        }
        Duration stop = timeout == null ? null : Duration.ofSeconds(timeout);
        UpOptions options = convergence.options(services, noDeps, !noStart, stop,
                waitTimeout == null ? null : Duration.ofSeconds(waitTimeout));
        Instant since = Instant.now();
        Map<String, List<ProjectContainer>> converged;
        try {
            converged = converge(project, options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        List<ProjectContainer> all = converged.values().stream().flatMap(List::stream).toList();
        if (noStart) {
            return 0;
        }
        if (background) {
            if (watch) {
                try {
                    startWatch(project, services, true).awaitSignal();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
                return 0;
            }
            if (waitHealthy) {
                try {
                    new DependencyWait(client(), progress()).awaitRunningOrHealthy(all,
                            waitTimeout == null ? Duration.ofMinutes(5) : Duration.ofSeconds(waitTimeout));
                } catch (IllegalStateException e) {
                    throw new CliFailure(1, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
            }
            return 0;
        }
        List<ProjectContainer> attached = new ArrayList<>();
        converged.forEach((service, list) -> {
            var s = project.service(service);
            boolean named = services.isEmpty() || services.contains(service) || attachDependencies;
            if (named && (s == null || s.attach() == null || s.attach())) {
                attached.addAll(list);
            }
        });
        boolean colour = !noColor && !"never".equals(group().ansi) && ctx().stdoutIsTerminal();
        AttachedProject session = new AttachedProject(ctx(), actions(), attached, colour, !noLogPrefix);
        if (!watch) {
            return session.run(since, abortOnExit || exitCodeFrom != null, exitCodeFrom, stop);
        }
        // the watch beside the logs, until Ctrl-C stops the containers; a rebuild's new containers are followed
        WatchSession watching = startWatch(project, services, true);
        try {
            return session.followReplacements().run(since, abortOnExit || exitCodeFrom != null, exitCodeFrom, stop);
        } finally {
            try {
                watching.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
