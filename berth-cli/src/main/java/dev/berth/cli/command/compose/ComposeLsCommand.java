package dev.berth.cli.command.compose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.api.client.ContainerListOptions;
import dev.berth.api.client.Filters;
import dev.berth.api.types.container.ContainerSummary;
import dev.berth.compose.project.ComposeLabels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth compose ls}: the projects the daemon has containers for, found by the project
 * label alone (so docker compose's projects show too): NAME, STATUS ("running(2)"), CONFIG FILES.
 */
@Command(name = "ls", description = "List running compose projects")
public final class ComposeLsCommand extends ComposeCommand {

    @Option(names = {"-a", "--all"}, description = "Show all stopped Compose projects")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display project names")
    boolean quiet;

    @Option(names = "--format", defaultValue = "table", description = "Format the output. Values: [table | json]")
    String format;

    private record Summary(Map<String, Integer> states, String configFiles) {
    }

    @Override
    public Integer call() throws IOException {
        Filters filters = Filters.none().with("label", ComposeLabels.PROJECT);
        Map<String, Summary> projects = new TreeMap<>();
        for (ContainerSummary c : client().containers().list(new ContainerListOptions(true, 0, false, filters))) {
            String name = c.labels().get(ComposeLabels.PROJECT);
            Summary s = projects.computeIfAbsent(name, n -> new Summary(new TreeMap<>(),
                    c.labels().getOrDefault(ComposeLabels.CONFIG_FILES, "")));
            s.states().merge(c.state(), 1, Integer::sum);
        }
        List<String[]> rows = new ArrayList<>();
        List<ObjectNode> json = new ArrayList<>();
        projects.forEach((name, s) -> {
            if (!all && !s.states().containsKey("running")) {
                return;
            }
            List<String> parts = new ArrayList<>();
            s.states().forEach((state, n) -> parts.add(state + "(" + n + ")"));
            String status = String.join(", ", parts);
            rows.add(new String[] {name, status, s.configFiles()});
            json.add(Json.MAPPER.createObjectNode().put("Name", name).put("Status", status).put("ConfigFiles", s.configFiles()));
        });
        if (quiet) {
            rows.forEach(r -> out().println(r[0]));
        } else if (format.equals("json")) {
            out().println(Json.MAPPER.writeValueAsString(json));
        } else {
            table(out(), List.of("NAME", "STATUS", "CONFIG FILES"), rows);
        }
        return 0;
    }
}
