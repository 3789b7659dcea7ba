package dev.berth.cli.command.volume;

import dev.berth.api.client.Filters;
import dev.berth.api.types.volume.VolumePruneResponse;
import dev.berth.api.units.HumanSize;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth volume prune}: asks first unless -f; anonymous volumes only unless -a. */
@Command(name = "prune", description = "Remove unused local volumes")
public final class VolumePruneCommand extends BerthCommand {

    @Option(names = {"-a", "--all"}, description = "Remove all unused volumes, not just anonymous ones")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    @Option(names = "--filter", description = "Provide filter values (e.g. \"label=<label>\")")
    List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!force && !confirmed("WARNING! This will remove " + (all ? "all" : "anonymous") + " local volumes not used by at"
                    + " least one container.")) {
            return 0;
        }
        Filters f = parseFilters(filters);
        if (all) {
            f = f.with("all", "true");
        }
        VolumePruneResponse r = client().volumes().prune(f);
        if (r.volumesDeleted() != null && !r.volumesDeleted().isEmpty()) {
            out().println("Deleted Volumes:");
            r.volumesDeleted().forEach(out()::println);
            out().println();
        }
        out().println("Total reclaimed space: " + HumanSize.of(r.spaceReclaimed()));
        return 0;
    }
}
