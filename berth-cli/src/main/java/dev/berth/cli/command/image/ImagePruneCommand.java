package dev.berth.cli.command.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.client.Filters;
import dev.berth.api.units.HumanSize;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth image prune [-a] [-f] [--filter until=|label=]}: removes dangling images (with
 * {@code -a}, every image no container uses) through {@code POST /images/prune}, asking first
 * unless {@code -f}, and prints what went as docker does.
 */
@Command(name = "prune", description = "Remove unused images")
public final class ImagePruneCommand extends BerthCommand {

    @Option(names = {"-a", "--all"}, description = "Remove all unused images, not just dangling ones")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    @Option(names = "--filter", description = "Provide filter values (e.g. \"until=<timestamp>\")")
    List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        String warning = all ? "WARNING! This will remove all images without at least one container associated to them."
                : "WARNING! This will remove all dangling images.";
        if (!force && !confirmed(warning)) {
            return 0;
        }
        Filters given = parseFilters(filters);
        JsonNode r = client().resources().prune("images", all ? given.with("dangling", "false") : given);
        JsonNode deleted = r.path("ImagesDeleted");
        if (deleted.isArray() && !deleted.isEmpty()) {
            out().println("Deleted Images:");
            for (JsonNode i : deleted) {
                out().println(i.has("Untagged") ? "untagged: " + i.path("Untagged").asText()
                        : "deleted: " + i.path("Deleted").asText());
            }
            out().println();
        }
        out().println("Total reclaimed space: " + HumanSize.of(r.path("SpaceReclaimed").asLong()));
        return 0;
    }
}
