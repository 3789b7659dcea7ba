package dev.berth.cli.command.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.cli.Output;
import dev.berth.cli.format.ContainerRows;
import dev.berth.cli.format.OutputFormat;
import dev.berth.compose.model.Project;
import dev.berth.compose.project.ComposeLabels;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose ps}: compose's table (NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS),
 * IDs with -q, service names with --services, or a --format (json: one object a line).
 */
@Command(name = "ps", description = "List containers")
public final class ComposePsCommand extends ComposeCommand {

    static final String TABLE = "table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}";

    @Option(names = {"-a", "--all"}, description = "Show all stopped containers (including those created by the run command)")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
    boolean quiet;

    @Option(names = "--services", description = "Display services")
    boolean servicesOnly;

    @Option(names = "--format", description = "Format output using a custom template ('table', 'table TEMPLATE', 'json', 'TEMPLATE')")
    String format;

    @Option(names = "--status", description = "Filter services by status")
    List<String> status = new ArrayList<>();

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = projectIfAny(List.of());
        String name = requireProject(projectName(project));
        List<ProjectContainer> containers = inStartOrder(project, containers(name, all || !status.isEmpty(), services));
        containers = containers.stream().filter(c -> status.isEmpty() || status.contains(c.state())).toList();
        if (servicesOnly) {
            new LinkedHashSet<>(containers.stream().map(ProjectContainer::service).toList()).forEach(out()::println);
            return 0;
        }
        if (quiet) {
            containers.forEach(c -> out().println(c.id()));
            return 0;
        }
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        List<JsonNode> rows = new ArrayList<>();
        for (ProjectContainer c : containers) {
            ObjectNode row = ContainerRows.of(Json.MAPPER.valueToTree(c.summary()), true, now, zone);
            row.put("Name", c.name());
            row.put("Service", c.service());
            row.put("Project", c.labels().getOrDefault(ComposeLabels.PROJECT, ""));
            row.put("ExitCode", 0);
            rows.add(row);
        }
        Map<String, String> headers = new LinkedHashMap<>(ContainerRows.HEADERS);
        headers.put("Name", "NAME");
        headers.put("Service", "SERVICE");
        headers.put("Project", "PROJECT");
        String source = format == null || format.isEmpty() || format.equals("table") ? TABLE : format;
        Output.list(out(), new OutputFormat(source), rows, headers);
        return 0;
    }
}
