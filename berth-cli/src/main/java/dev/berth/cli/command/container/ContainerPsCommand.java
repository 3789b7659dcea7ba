package dev.berth.cli.command.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.client.ContainerListOptions;
import dev.berth.api.client.Filters;
import dev.berth.cli.CliFailure;
import dev.berth.cli.Output;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.format.ContainerRows;
import dev.berth.cli.format.GoTemplate;
import dev.berth.cli.format.OutputFormat;
import dev.berth.cli.format.TemplateException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
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
        Filters f = parseFilters(filters);
        if (format != null && !format.isEmpty()) {
            // docker checks the template before asking the daemon (to see whether it shows .Size)
            try {
                GoTemplate.parse(format);
            } catch (TemplateException e) {
                throw new CliFailure(1, "failed to parse template: " + e.getMessage());
            }
        }
        if (quiet && format != null && !format.isEmpty()) {
            err().println("WARNING: Ignoring custom format, because both --format and --quiet are set.");
        }
        OutputFormat output = OutputFormat.containers(format, quiet, size);
        int limit = latest && last == -1 ? 1 : last;
        boolean wantSize = !quiet && (size || output.contains(".Size"));
        List<JsonNode> containers = client().containers().listRaw(
                new ContainerListOptions(all, Math.max(limit, 0), wantSize, f));
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        List<JsonNode> rows = new ArrayList<>(containers.size());
        for (JsonNode c : containers) {
            rows.add(ContainerRows.of(c, !noTrunc, now, zone));
        }
        Output.list(out(), output, rows, ContainerRows.HEADERS);
        return 0;
    }
}
