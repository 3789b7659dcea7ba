package dev.berth.cli.command.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.CliFailure;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth compose port SERVICE PRIVATE_PORT}: the host address a container port is published on. */
@Command(name = "port", description = "Print the public port for a port binding")
public final class ComposePortCommand extends ComposeCommand {

    @Option(names = "--protocol", defaultValue = "tcp", description = "tcp or udp")
    String protocol;

    @Option(names = "--index", defaultValue = "1", description = "Index of the container if service has multiple replicas")
    int index;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1", paramLabel = "PRIVATE_PORT")
    int port;

    @Override
    public Integer call() throws IOException {
        String name = requiredProjectName();
        ProjectContainer c = containers(name, false, List.of(service)).stream().filter(x -> x.number() == index)
                .findFirst().orElseThrow(() -> new CliFailure(1, "service \"" + service + "\" is not running"));
        JsonNode bindings = client().containers().inspectRaw(c.id()).path("NetworkSettings").path("Ports")
                .path(port + "/" + protocol);
        if (!bindings.isArray() || bindings.isEmpty()) {
            throw new CliFailure(1, "no port " + port + "/" + protocol + " for container " + c.name());
        }
        JsonNode first = bindings.get(0);
        out().println(first.path("HostIp").asText("0.0.0.0") + ":" + first.path("HostPort").asText());
        return 0;
    }
}
