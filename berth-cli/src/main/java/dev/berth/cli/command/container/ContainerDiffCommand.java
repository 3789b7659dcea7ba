package dev.berth.cli.command.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.client.ApiResponse;
import dev.berth.api.client.JsonTrees;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth diff}: the changes of a container's filesystem, one {@code C|A|D path} per line. */
@Command(name = "diff", description = "Inspect changes to files or directories on a container's filesystem")
public final class ContainerDiffCommand extends BerthCommand {

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        try (ApiResponse r = client().raw("GET", "/containers/" + container + "/changes")) {
            JsonNode changes = JsonTrees.read(r.body());
            for (JsonNode c : changes) {
                out().println("CAD".charAt(c.path("Kind").asInt()) + " " + c.path("Path").asText());
            }
        }
        return 0;
    }
}
