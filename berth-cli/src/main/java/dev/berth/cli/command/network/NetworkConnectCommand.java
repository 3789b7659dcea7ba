package dev.berth.cli.command.network;

import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth network connect [--alias A] [--ip IP] NETWORK CONTAINER}: silent on success. */
@Command(name = "connect", description = "Connect a container to a network")
public final class NetworkConnectCommand extends BerthCommand {

    @Option(names = "--alias", description = "Add network-scoped alias for the container")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--ip", description = "IPv4 address (e.g., \"172.30.100.104\")")
    String ip;

    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        client().networks().connect(network, container, aliases, ip);
        return 0;
    }
}
