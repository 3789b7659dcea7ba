package dev.berth.cli.command.network;

import dev.berth.cli.command.BerthCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth network rm}: echoes each removed name, failures at the end. */
@Command(name = "rm", description = "Remove one or more networks")
public final class NetworkRmCommand extends BerthCommand {

    @Option(names = {"-f", "--force"}, description = "Do not error if the network does not exist")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> names;

    @Override
    public Integer call() {
        return forEachEchoed(names, name -> client().networks().remove(name));
    }
}
