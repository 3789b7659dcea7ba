package dev.berth.cli.command.network;

import dev.berth.api.types.network.Ipam;
import dev.berth.api.types.network.NetworkCreateRequest;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.CliFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth network create}: prints the new network's ID, as docker. */
@Command(name = "create", description = "Create a network")
public final class NetworkCreateCommand extends BerthCommand {

    @Option(names = {"-d", "--driver"}, description = "Driver to manage the Network", defaultValue = "bridge")
    String driver;

    @Option(names = "--subnet", description = "Subnet in CIDR format that represents a network segment")
    String subnet;

    @Option(names = "--gateway", description = "IPv4 Gateway for the master subnet")
    String gateway;

    @Option(names = "--ip-range", description = "Allocate container ip from a sub-range")
    String ipRange;

    @Option(names = "--internal", description = "Restrict external access to the network")
    boolean internal;

    @Option(names = "--attachable", description = "Enable manual container attachment")
    boolean attachable;

    @Option(names = "--label", description = "Set metadata on a network")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-o", "--opt"}, description = "Set driver specific options")
    List<String> options = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "NETWORK")
    String name;

    @Override
    public Integer call() throws IOException {
        Ipam ipam = null;
        if (subnet != null || gateway != null || ipRange != null) {
            if (subnet == null) {
                throw new CliFailure(1, "Error response from daemon: every ip-range or gateway must have a corresponding subnet");
            }
            ipam = new Ipam("default", Map.of(), List.of(new Ipam.Config(subnet, ipRange, gateway)));
        }
        var created = client().networks().create(new NetworkCreateRequest(name, driver, internal, attachable, ipam,
                false, pairs(options), pairs(labels)));
        out().println(created.id());
        return 0;
    }

    /** {@code k=v} words as a map; {@code k} alone means an empty value, as docker's opts. */
    static Map<String, String> pairs(List<String> words) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            map.put(eq < 0 ? w : w.substring(0, eq), eq < 0 ? "" : w.substring(eq + 1));
        }
        return map;
    }
}
