package dev.berth.cli.command.network;

import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth network disconnect [-f] NETWORK CONTAINER}: silent on success. */
@Command(name = "disconnect", description = "Disconnect a container from a network")
public final class NetworkDisconnectCommand extends BerthCommand {

    @Option(names = {"-f", "--force"}, description = "Force the container to disconnect from a network")
    boolean force;

    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        client().networks().disconnect(network, container, force);
        return 0;
    }
}
