package dev.berth.cli.command.volume;

import dev.berth.cli.command.BerthCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth volume rm}: each removed name echoed, failures at the end (exit 1). */
@Command(name = "rm", description = "Remove one or more volumes")
public final class VolumeRmCommand extends BerthCommand {

    @Option(names = {"-f", "--force"}, description = "Force the removal of one or more volumes")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    List<String> names;

    @Override
    public Integer call() {
        return forEachEchoed(names, name -> client().volumes().remove(name, force));
    }
}
