package dev.berth.cli.command.compose;

import dev.berth.api.client.LogsOptions;
import dev.berth.compose.project.LogFollower;
import dev.berth.compose.project.LogPrefixes;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth compose logs}: every service container's logs, prefixed "web-1  | ", merged as they come. */
@Command(name = "logs", description = "View output from containers")
public final class ComposeLogsCommand extends ComposeCommand {

    @Option(names = {"-f", "--follow"}, description = "Follow log output")
    boolean follow;

    @Option(names = {"-n", "--tail"}, defaultValue = "all", description = "Number of lines to show from the end of the logs for each container")
    String tail;

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
    boolean timestamps;

    @Option(names = "--since", description = "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)")
    String since;

    @Option(names = "--until", description = "Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)")
    String until;

    @Option(names = "--no-color", description = "Produce monochrome output")
    boolean noColor;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
    boolean noLogPrefix;

    @Option(names = "--index", description = "index of the container if service has multiple replicas")
    Integer index;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        String name = requiredProjectName();
        List<ProjectContainer> containers = containers(name, true, services).stream()
                .filter(c -> index == null || c.number() == index).toList();
        boolean colour = !noColor && !"never".equals(group().ansi) && ctx().stdoutIsTerminal();
        LogPrefixes prefixes = new LogPrefixes(containers.stream().map(ProjectContainer::shortName).toList(), colour);
        ComposeLogPrinter printer = new ComposeLogPrinter(out(), err(), prefixes, !noLogPrefix, null);
        java.time.Instant now = java.time.Instant.now();
        LogsOptions options = new LogsOptions(true, true, follow, tail, timestamps, dev.berth.cli.command.container.LogTime.toTimestamp(since, now),
                dev.berth.cli.command.container.LogTime.toTimestamp(until, now), false);
        try (LogFollower follower = new LogFollower(client(), printer)) {
            for (ProjectContainer c : containers) {
                follower.follow(c, options);
            }
            follower.awaitAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
