package dev.berth.cli.command.container;

import dev.berth.api.client.LogsOptions;
import dev.berth.api.types.container.ContainerInspect;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth logs}: inspect for the TTY flag, then copy the log stream (demultiplexed without a TTY). */
@Command(name = "logs", description = "Fetch the logs of a container")
public final class ContainerLogsCommand extends BerthCommand {

    @Option(names = {"-f", "--follow"}, description = "Follow log output")
    boolean follow;

    @Option(names = {"-n", "--tail"}, defaultValue = "all", description = "Number of lines to show from the end of the logs")
    String tail;

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
    boolean timestamps;

    @Option(names = "--since", description = "Show logs since timestamp or relative (e.g. 42m)")
    String since;

    @Option(names = "--until", description = "Show logs before a timestamp or relative (e.g. 42m)")
    String until;

    @Option(names = "--details", description = "Show extra details provided to logs")
    boolean details;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        ContainerInspect c = client().containers().inspect(container);
        Instant now = Instant.now();
        LogsOptions options = new LogsOptions(true, true, follow, tail, timestamps,
                LogTime.toTimestamp(since, now), LogTime.toTimestamp(until, now), details);
        try (InputStream logs = client().containers().logs(c.id(), options)) {
            if (c.config() != null && c.config().isTty()) {
                AttachedSession.copyRaw(logs, out());
            } else {
                AttachedSession.demux(logs, out(), err());
            }
        }
        return 0;
    }
}
