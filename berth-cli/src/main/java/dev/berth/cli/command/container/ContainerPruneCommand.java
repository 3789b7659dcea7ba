package dev.berth.cli.command.container;

import dev.berth.api.types.container.ContainerPruneResponse;
import dev.berth.api.units.HumanSize;
import dev.berth.cli.command.BerthCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
        if (!force) {
            out().print("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
            out().flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (answer == null || !(answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
                return 0;
            }
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
