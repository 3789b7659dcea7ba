package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docker's {@code DisplayablePorts}: a container's ports as {@code docker ps} shows them, e.g.
 * "0.0.0.0:8080->80/tcp, 443/tcp". Consecutive ports with the same address and protocol
 * collapse into ranges ("8000-8002/tcp"); ports published on a different host port are listed
 * last.
 */
public final class PortsText {

    private PortsText() {
    }

    private record Port(String ip, int privatePort, int publicPort, String type) {
    }

    private static final class Group {
        int first;
        int last;

        Group(int port) {
            first = port;
            last = port;
        }
    }

    /** The text for the {@code Ports} array of a {@code GET /containers/json} item. */
    public static String of(JsonNode ports) {
        List<Port> sorted = new ArrayList<>();
        for (JsonNode p : ports) {
            sorted.add(new Port(p.path("IP").asText(""), p.path("PrivatePort").asInt(), p.path("PublicPort").asInt(),
                    p.path("Type").asText("")));
        }
        sorted.sort(Comparator.comparingInt(Port::privatePort)
                .thenComparing(p -> p.ip().contains(":"))
                .thenComparing(Port::ip)
                .thenComparingInt(Port::publicPort)
                .thenComparing(Port::type));
        Map<String, Group> groups = new LinkedHashMap<>();
        List<String> result = new ArrayList<>();
        List<String> hostMappings = new ArrayList<>();
        for (Port port : sorted) {
            int current = port.privatePort();
            String key = port.type();
            if (!port.ip().isEmpty()) {
                if (port.publicPort() != current) {
                    hostMappings.add(joinHostPort(port.ip(), Integer.toString(port.publicPort())) + "->" + current + "/" + port.type());
                    continue;
                }
                key = port.ip() + "/" + port.type();
            }
            Group group = groups.get(key);
            if (group == null) {
                groups.put(key, new Group(current));
            } else if (current == group.last + 1) {
                group.last = current;
            } else {
                result.add(formGroup(key, group));
                // Replacing the value keeps the key's first position, as Go's key list does.
                groups.put(key, new Group(current));
            }
        }
        groups.forEach((key, group) -> result.add(formGroup(key, group)));
        result.addAll(hostMappings);
        return String.join(", ", result);
    }

    private static String formGroup(String key, Group g) {
        String[] parts = key.split("/", -1);
        String type = parts.length > 1 ? parts[1] : parts[0];
        String ip = parts.length > 1 ? parts[0] : "";
        String range = g.first == g.last ? Integer.toString(g.first) : g.first + "-" + g.last;
        if (!ip.isEmpty()) {
            range = joinHostPort(ip, range) + "->" + range;
        }
        return range + "/" + type;
    }

    private static String joinHostPort(String host, String port) {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
