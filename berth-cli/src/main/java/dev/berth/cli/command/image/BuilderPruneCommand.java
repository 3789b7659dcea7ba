package dev.berth.cli.command.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.units.HumanSize;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth builder prune [-a] [-f]}: forgets the build cache through {@code POST /build/prune}
 * (the images of cached steps stay until {@code image prune} removes them, as with dockerd's
 * classic builder), asking first unless {@code -f}; prints the entries removed as docker does.
 */
@Command(name = "prune", description = "Remove build cache")
public final class BuilderPruneCommand extends BerthCommand {

    @Option(names = {"-a", "--all"}, description = "Remove all unused build cache, not just dangling ones")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    @Option(names = "--filter", description = "Provide filter values (accepted; the whole cache is unused between builds)")
    List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        String warning = all ? "WARNING! This will remove all build cache." : "WARNING! This will remove all dangling build cache.";
        if (!force && !confirmed(warning)) {
            return 0;
        }
        JsonNode r = client().resources().prune("build", parseFilters(filters));
        JsonNode deleted = r.path("CachesDeleted");
        if (deleted.isArray() && !deleted.isEmpty()) {
            out().println("Deleted build cache objects:");
            deleted.forEach(id -> out().println(id.asText()));
            out().println();
        }
        out().println("Total reclaimed space: " + HumanSize.of(r.path("SpaceReclaimed").asLong()));
        return 0;
    }
}
