package dev.berth.cli.command.volume;

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
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth volume ls}: docker's DRIVER / VOLUME NAME table, names with -q, or --format. */
@Command(name = "ls", description = "List volumes")
public final class VolumeLsCommand extends BerthCommand {

    static final String TABLE = "table {{.Driver}}\t{{.Name}}";
    static final Map<String, String> HEADERS = Map.of("Driver", "DRIVER", "Name", "VOLUME NAME",
            "Mountpoint", "MOUNTPOINT", "Scope", "SCOPE", "Labels", "LABELS", "CreatedAt", "CREATED",
            "Links", "LINKS", "Size", "SIZE");

    @Option(names = {"-q", "--quiet"}, description = "Only display volume names")
    boolean quiet;

    @Option(names = "--format", description = "Format output using a custom template")
    String format;

    @Option(names = {"-f", "--filter"}, description = "Provide filter values (e.g. \"dangling=true\")")
    List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        String source = format == null || format.isEmpty() || format.equals(OutputFormat.TABLE) ? TABLE : format;
        OutputFormat output = new OutputFormat(quiet ? "{{.Name}}" : source);
        List<ObjectNode> rows = new ArrayList<>();
        for (JsonNode v : client().volumes().listRaw(parseFilters(filters))) {
            rows.add(row(v));
        }
        rows.sort(Comparator.comparing(r -> r.path("Name").asText()));
        Output.list(out(), output, rows, HEADERS);
        return 0;
    }

    /** The fields docker's volume formatter offers, as strings (Labels as "k=v,..."). */
    static ObjectNode row(JsonNode v) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("Name", v.path("Name").asText());
        row.put("Driver", v.path("Driver").asText());
        row.put("Scope", v.path("Scope").asText());
        row.put("Mountpoint", v.path("Mountpoint").asText());
        row.put("CreatedAt", v.path("CreatedAt").asText());
        Map<String, String> labels = new TreeMap<>();
        v.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<String> pairs = new ArrayList<>();
        labels.forEach((k, val) -> pairs.add(k + "=" + val));
        row.put("Labels", String.join(",", pairs));
        row.put("Links", "N/A");
        row.put("Size", "N/A");
        return row;
    }
}
