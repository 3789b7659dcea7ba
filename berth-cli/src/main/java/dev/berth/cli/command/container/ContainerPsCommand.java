package dev.berth.cli.command.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.client.ContainerListOptions;
import dev.berth.api.client.Filters;
import dev.berth.api.types.container.ContainerSummary;
import dev.berth.cli.CliFailure;
import dev.berth.cli.Output;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth ps}: docker's table, or IDs with -q, or the user's --format. */
@Command(name = "ps", description = "List containers")
public final class ContainerPsCommand extends BerthCommand {

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display container IDs")
    boolean quiet;

    @Option(names = {"-f", "--filter"}, description = "Filter output based on conditions provided")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", description = "Format output using a custom template ('table', 'table TEMPLATE', 'json', 'TEMPLATE')")
    String format;

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(names = {"-n", "--last"}, defaultValue = "-1", description = "Show n last created containers (includes all states)")
    int last;

    @Option(names = {"-l", "--latest"}, description = "Show the latest created container (includes all states)")
    boolean latest;

    @Option(names = {"-s", "--size"}, description = "Display total file sizes")
    boolean size;

    @Override
    public Integer call() throws IOException {
        Filters f;
        try {
            f = Filters.parse(filters);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(125, "invalid argument \"" + String.join(",", filters) + "\" for \"-f, --filter\" flag: " + e.getMessage());
        }
        int limit = latest && last == -1 ? 1 : last;
        boolean wantSize = size || (format != null && format.contains(".Size"));
        List<ContainerSummary> containers = client().containers().list(
                new ContainerListOptions(all, Math.max(limit, 0), wantSize && !quiet, f));
        Instant now = Instant.now();
        if (quiet && (format == null || format.isBlank())) {
            for (ContainerSummary c : containers) {
                out().println(noTrunc ? c.id() : dev.berth.cli.Text.shortId(c.id()));
            }
            return 0;
        }
        List<JsonNode> rows = new ArrayList<>();
        for (ContainerSummary c : containers) {
            rows.add(ContainerRows.row(c, !noTrunc, now));
        }
        String table = size ? ContainerRows.DEFAULT_TABLE + ContainerRows.SIZE_COLUMN : ContainerRows.DEFAULT_TABLE;
        Output.list(out(), format, table, ContainerRows.headers(), rows);
        return 0;
    }
}
