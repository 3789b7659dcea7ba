package dev.berth.cli.command.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code berth port CONTAINER [PRIVATE_PORT[/PROTO]]}: the published ports from inspect's
 * NetworkSettings.Ports, as docker prints them ({@code 80/tcp -> 0.0.0.0:32768}, sorted), or
 * only the host sides of one port.
 */
@Command(name = "port", description = "List port mappings or a specific mapping for the container")
public final class ContainerPortCommand extends BerthCommand {

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PRIVATE_PORT[/PROTO]")
    String privatePort;

    @Override
    public Integer call() throws IOException {
        JsonNode ports = client().containers().inspectRaw(container).path("NetworkSettings").path("Ports");
        List<String> lines = lines(ports, privatePort);
        if (privatePort != null && lines.isEmpty()) {
            throw new CliFailure(1, "Error: No public port '" + key(privatePort) + "' published for " + container);
        }
        lines.forEach(out()::println);
        return 0;
    }

    static String key(String port) {
        return port.contains("/") ? port : port + "/tcp";
    }

    /** All mappings as {@code key -> host:port}, or one port's {@code host:port}s; sorted. */
    static List<String> lines(JsonNode ports, String privatePort) {
        List<String> out = new ArrayList<>();
        ports.properties().forEach(e -> {
            if (privatePort != null && !e.getKey().equals(key(privatePort))) {
                return;
            }
            for (JsonNode b : e.getValue()) {
                String host = hostPort(b.path("HostIp").asText(""), b.path("HostPort").asText(""));
                out.add(privatePort != null ? host : e.getKey() + " -> " + host);
            }
        });
        Collections.sort(out);
        return out;
    }

    private static String hostPort(String ip, String port) {
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }
}
