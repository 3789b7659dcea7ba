package dev.berth.cli.command.container;

import dev.berth.api.types.container.ContainerInspect;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth start}: echo each started name; with -a attach to one and exit with its code. */
@Command(name = "start", description = "Start one or more stopped containers")
public final class ContainerStartCommand extends BerthCommand {

    @Option(names = {"-a", "--attach"}, description = "Attach STDOUT/STDERR and forward signals")
    boolean attach;

    @Option(names = {"-i", "--interactive"}, description = "Attach container's STDIN")
    boolean interactive;

    @Option(names = "--detach-keys", description = "Override the key sequence for detaching a container")
    String detachKeys;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        if (attach || interactive) {
            if (containers.size() > 1) {
                throw new CliFailure(1, "you cannot start and attach multiple containers at once");
            }
            String name = containers.getFirst();
            ContainerInspect c = client().containers().inspect(name);
            boolean stdin = interactive && c.config() != null && c.config().isOpenStdin();
            boolean tty = c.config() != null && c.config().isTty();
            boolean autoRemove = c.hostConfig() != null && c.hostConfig().isAutoRemove();
            return AttachedSession.run(ctx(), c.id(), tty, stdin, autoRemove, true, detachKeys,
                    () -> client().containers().start(c.id()));
        }
        List<String> failed = new ArrayList<>();
        for (String name : containers) {
            try {
                client().containers().start(name);
                out().println(name);
            } catch (IOException e) {
                err().println(describe(e));
                failed.add(name);
            }
        }
        if (!failed.isEmpty()) {
            throw new CliFailure(1, "Error: failed to start containers: " + String.join(", ", failed));
        }
        return 0;
    }
}
