package dev.berth.cli.command.container;

import dev.berth.cli.command.BerthCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth restart}: echo each restarted name. */
@Command(name = "restart", description = "Restart one or more containers")
public final class ContainerRestartCommand extends BerthCommand {

    @Option(names = {"-t", "--timeout", "--time"}, description = "Seconds to wait before killing the container")
    Integer timeout;

    @Option(names = {"-s", "--signal"}, description = "Signal to send to the container")
    String signal;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() {
        return forEachEchoed(containers, name -> client().containers().restart(name, timeout, signal));
    }
}
