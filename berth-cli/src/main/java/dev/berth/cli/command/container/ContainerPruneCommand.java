package dev.berth.cli.command.container;

import dev.berth.api.types.container.ContainerPruneResponse;
import dev.berth.api.units.HumanSize;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth container prune}: asks first unless -f, then lists what went, as docker does. */
@Command(name = "prune", description = "Remove all stopped containers")
public final class ContainerPruneCommand extends BerthCommand {

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    @Option(names = "--filter", description = "Provide filter values (e.g. \"until=<timestamp>\")")
    List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!force && !confirmed("WARNING! This will remove all stopped containers.")) {
            return 0;
        }
        ContainerPruneResponse r = client().containers().prune(parseFilters(filters));
        if (r.containersDeleted() != null && !r.containersDeleted().isEmpty()) {
            out().println("Deleted Containers:");
            r.containersDeleted().forEach(out()::println);
            out().println();
        }
        out().println("Total reclaimed space: " + HumanSize.of(r.spaceReclaimed()));
        return 0;
    }
}
