package dev.berth.cli.command.container;

import dev.berth.cli.command.BerthCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth unpause}: thaws each paused container; echoes each name. */
@Command(name = "unpause", description = "Unpause all processes within one or more containers")
public final class ContainerUnpauseCommand extends BerthCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() {
        return forEachEchoed(containers, name -> client().containers().unpause(name));
    }
}
