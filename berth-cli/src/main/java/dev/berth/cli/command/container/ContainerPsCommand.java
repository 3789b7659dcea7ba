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
import dev.berth.cli.command.DeclaredCommand;
import dev.berth.cli.command.SpecBuilder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code berth ps}: docker's table, or IDs with -q, or the user's --format. Declared in code
 * (see {@link DeclaredCommand}): the commonest command after run.
 */
public final class ContainerPsCommand extends BerthCommand implements DeclaredCommand {

    private boolean all;
    private boolean quiet;
    private List<String> filters = new ArrayList<>();
    private String format;
    private boolean noTrunc;
    private int last;
    private boolean latest;
    private boolean size;

    @Override
    public CommandSpec spec() {
        return new SpecBuilder(this, "ps", "List containers")
                .flag("Show all containers (default shows just running)", "all", v -> all = v, "-a", "--all")
                .flag("Only display container IDs", "quiet", v -> quiet = v, "-q", "--quiet")
                .list("Filter output based on conditions provided", "filters", filters, v -> filters = v,
                        "-f", "--filter")
                .value(String.class, "Format output using a custom template ('table', 'table TEMPLATE', 'json', 'TEMPLATE')",
                        "format", v -> format = v, "--format")
                .flag("Don't truncate output", "noTrunc", v -> noTrunc = v, "--no-trunc")
                .add(OptionSpec.builder("-n", "--last").type(int.class).defaultValue("-1"),
                        "Show n last created containers (includes all states)", "last", -1, v -> last = v)
                .flag("Show the latest created container (includes all states)", "latest", v -> latest = v,
                        "-l", "--latest")
                .flag("Display total file sizes", "size", v -> size = v, "-s", "--size")
                .build();
    }

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
