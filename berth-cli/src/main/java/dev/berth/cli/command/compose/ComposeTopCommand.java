package dev.berth.cli.command.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.client.ApiResponse;
import dev.berth.api.client.JsonTrees;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth compose top}: each running container's name, then its processes ({@code GET /containers/{id}/top}). */
@Command(name = "top", description = "Display the running processes")
public final class ComposeTopCommand extends ComposeCommand {

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        String name = requiredProjectName();
        for (ProjectContainer c : containers(name, false, services)) {
            JsonNode top;
            try (ApiResponse r = client().raw("GET", "/containers/" + c.id() + "/top")) {
                top = JsonTrees.read(r.body());
            }
            out().println(c.name());
            List<String> titles = new ArrayList<>();
            top.path("Titles").forEach(t -> titles.add(t.asText()));
            List<String[]> rows = new ArrayList<>();
            for (JsonNode p : top.path("Processes")) {
                List<String> cells = new ArrayList<>();
                p.forEach(v -> cells.add(v.asText()));
                rows.add(cells.toArray(String[]::new));
            }
            table(out(), titles, rows);
            out().println();
        }
        return 0;
    }
}
