package dev.berth.cli.command.network;

import dev.berth.api.types.network.NetworkPruneResponse;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth network prune}: asks first unless -f. */
@Command(name = "prune", description = "Remove all unused networks")
public final class NetworkPruneCommand extends BerthCommand {

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    @Option(names = "--filter", description = "Provide filter values (e.g. \"label=<label>\")")
    List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!force && !confirmed("WARNING! This will remove all custom networks not used by at least one container.")) {
            return 0;
        }
        NetworkPruneResponse r = client().networks().prune(parseFilters(filters));
        if (r.networksDeleted() != null && !r.networksDeleted().isEmpty()) {
            out().println("Deleted Networks:");
            r.networksDeleted().forEach(out()::println);
        }
        return 0;
    }
}
