package dev.berth.cli.command.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.client.Filters;
import dev.berth.api.client.ResourcesClient;
import dev.berth.api.units.HumanSize;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.command.image.ImagePruneCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth system prune [-a] [--volumes] [-f] [--filter]}: calls the prune endpoints in
 * docker's order (containers, networks, volumes when asked, images, build cache) and prints
 * what each removed and the total reclaimed space.
 */
@Command(name = "prune", description = "Remove unused data")
public final class SystemPruneCommand extends BerthCommand {

    @Option(names = {"-a", "--all"}, description = "Remove all unused images not just dangling ones")
    boolean all;

    @Option(names = "--volumes", description = "Prune anonymous volumes")
    boolean volumes;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    @Option(names = "--filter", description = "Provide filter values (e.g. \"label=<key>=<value>\")")
    List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!force && !confirmed()) {
            return 0;
        }
        Filters given = parseFilters(filters);
        ResourcesClient resources = client().resources();
        long reclaimed = 0;
        JsonNode containers = resources.prune("containers", given);
        reclaimed += containers.path("SpaceReclaimed").asLong();
        section("Deleted Containers:", containers.path("ContainersDeleted"));
        section("Deleted Networks:", resources.prune("networks", given).path("NetworksDeleted"));
        if (volumes) {
            JsonNode v = resources.prune("volumes", given);
            reclaimed += v.path("SpaceReclaimed").asLong();
            section("Deleted Volumes:", v.path("VolumesDeleted"));
        }
        JsonNode images = resources.prune("images", all ? given.with("dangling", "false") : given);
        reclaimed += images.path("SpaceReclaimed").asLong();
        ImagePruneCommand.printDeleted(out(), images.path("ImagesDeleted"));
        JsonNode cache = resources.prune("build", Filters.none());
        reclaimed += cache.path("SpaceReclaimed").asLong();
        section("Deleted build cache objects:", cache.path("CachesDeleted"));
        out().println("Total reclaimed space: " + HumanSize.of(reclaimed));
        return 0;
    }

    private void section(String title, JsonNode ids) {
        if (ids != null && ids.isArray() && !ids.isEmpty()) {
            out().println(title);
            ids.forEach(id -> out().println(id.asText()));
            out().println();
        }
    }

    private boolean confirmed() throws IOException {
        StringBuilder warning = new StringBuilder("WARNING! This will remove:\n  - all stopped containers\n"
                + "  - all networks not used by at least one container\n");
        if (volumes) {
            warning.append("  - all anonymous volumes not used by at least one container\n");
        }
        warning.append(all ? "  - all images without at least one container associated to them\n"
                : "  - all dangling images\n");
        warning.append(all ? "  - all build cache\n" : "  - unused build cache\n");
        out().print(warning + "\nAre you sure you want to continue? [y/N] ");
        out().flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }
}
