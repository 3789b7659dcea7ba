package dev.berth.cli.command.container;

import dev.berth.cli.command.BerthCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth pause}: freezes each container's processes; echoes each name. */
@Command(name = "pause", description = "Pause all processes within one or more containers")
public final class ContainerPauseCommand extends BerthCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() {
        return forEachEchoed(containers, name -> client().containers().pause(name));
    }
}
