package dev.berth.cli.command.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.Output;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.format.OutputFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth network ls}: docker's NETWORK ID / NAME / DRIVER / SCOPE table, IDs with -q. */
@Command(name = "ls", description = "List networks")
public final class NetworkLsCommand extends BerthCommand {

    static final String TABLE = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";
    static final Map<String, String> HEADERS = Map.of("ID", "NETWORK ID", "Name", "NAME", "Driver", "DRIVER",
            "Scope", "SCOPE", "Internal", "INTERNAL", "IPv6", "IPV6", "CreatedAt", "CREATED AT", "Labels", "LABELS");

    @Option(names = {"-q", "--quiet"}, description = "Only display network IDs")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Do not truncate the output")
    boolean noTrunc;

    @Option(names = "--format", description = "Format output using a custom template")
    String format;

    @Option(names = {"-f", "--filter"}, description = "Provide filter values (e.g. \"driver=bridge\")")
    List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        String source = format == null || format.isEmpty() || format.equals(OutputFormat.TABLE) ? TABLE : format;
        OutputFormat output = new OutputFormat(quiet ? "{{.ID}}" : source);
        List<ObjectNode> rows = new ArrayList<>();
        for (JsonNode n : client().networks().listRaw(parseFilters(filters))) {
            rows.add(row(n, noTrunc));
        }
        rows.sort(Comparator.comparing(r -> r.path("Name").asText()));
        Output.list(out(), output, rows, HEADERS);
        return 0;
    }

    static ObjectNode row(JsonNode n, boolean noTrunc) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        String id = n.path("Id").asText();
        row.put("ID", noTrunc || id.length() <= 12 ? id : id.substring(0, 12));
        row.put("Name", n.path("Name").asText());
        row.put("Driver", n.path("Driver").asText());
        row.put("Scope", n.path("Scope").asText());
        row.put("Internal", Boolean.toString(n.path("Internal").asBoolean()));
        row.put("IPv6", Boolean.toString(n.path("EnableIPv6").asBoolean()));
        row.put("CreatedAt", n.path("Created").asText());
        List<String> labels = new ArrayList<>();
        n.path("Labels").properties().forEach(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
        row.put("Labels", String.join(",", labels));
        return row;
    }
}
