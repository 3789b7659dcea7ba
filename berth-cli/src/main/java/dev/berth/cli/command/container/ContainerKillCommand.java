package dev.berth.cli.command.container;

import dev.berth.cli.command.BerthCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth kill}: echo each killed name. */
@Command(name = "kill", description = "Kill one or more running containers")
public final class ContainerKillCommand extends BerthCommand {

    @Option(names = {"-s", "--signal"}, description = "Signal to send to the container")
    String signal;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() {
        return forEachEchoed(containers, name -> client().containers().kill(name, signal));
    }
}
