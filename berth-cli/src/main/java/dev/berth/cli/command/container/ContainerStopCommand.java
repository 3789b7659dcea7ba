package dev.berth.cli.command.container;

import dev.berth.cli.command.BerthCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth stop}: echo each stopped name; errors are collected and the exit is 1. */
@Command(name = "stop", description = "Stop one or more running containers")
public final class ContainerStopCommand extends BerthCommand {

    @Option(names = {"-t", "--timeout", "--time"}, description = "Seconds to wait before killing the container")
    Integer timeout;

    @Option(names = {"-s", "--signal"}, description = "Signal to send to the container")
    String signal;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() {
        return forEachEchoed(containers, name -> client().containers().stop(name, timeout, signal));
    }
}
