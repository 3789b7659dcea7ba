package dev.berth.cli.command.compose;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.client.ApiResponse;
import dev.berth.compose.model.Project;
import dev.berth.compose.project.ComposeLabels;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose events}: the daemon's container events for the project's containers
 * (GET /events filtered by the project label), in compose's words until interrupted:
 * {@code 2025-01-02 15:04:05.000000 container start <id> (image=busybox, name=app-web-1)},
 * or with {@code --json} one object per line ({@code time type service id action attributes}).
 * compose's own labels are left out of the attributes, as compose does.
 */
@Command(name = "events", description = "Receive real time events from containers")
public final class ComposeEventsCommand extends ComposeCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "Output events as a stream of json objects")
    boolean json;

    @Option(names = "--since", description = "Show all events created since timestamp")
    String since;

    @Option(names = "--until", description = "Stream events until this timestamp")
    String until;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = projectIfAny(services);
        String name = requireProject(projectName(project));
        Map<String, List<String>> filters = Map.of("type", List.of("container"),
                "label", List.of(ComposeLabels.PROJECT + "=" + name));
        StringBuilder target = new StringBuilder("/events?filters=")
                .append(URLEncoder.encode(JSON.writeValueAsString(filters), StandardCharsets.UTF_8));
        if (since != null) {
            target.append("&since=").append(URLEncoder.encode(since, StandardCharsets.UTF_8));
        }
        if (until != null) {
            target.append("&until=").append(URLEncoder.encode(until, StandardCharsets.UTF_8));
        }
        try (ApiResponse response = client().raw("GET", target.toString()); InputStream body = response.body();
                JsonParser parser = JSON.getFactory().createParser(body)) {
            Iterator<JsonNode> events = JSON.readValues(parser, JsonNode.class);
            while (events.hasNext()) {
                JsonNode e = events.next();
                String service = e.path("Actor").path("Attributes").path(ComposeLabels.SERVICE).asText("");
                if (!services.isEmpty() && !services.contains(service)) {
                    continue;
                }
                out().println(json ? jsonLine(e) : line(e));
                out().flush();
            }
        }
        return 0;
    }

    /** compose's text line: local time to microseconds, "container", action, ID, attributes. */
    static String line(JsonNode e) {
        List<String> pairs = new ArrayList<>();
        attributes(e).forEach((k, v) -> pairs.add(k + "=" + v));
        return TIME.format(time(e)) + " container " + e.path("Action").asText() + " " + e.path("Actor").path("ID").asText()
                + " (" + String.join(", ", pairs) + ")";
    }

    /** compose's --json object. */
    static String jsonLine(JsonNode e) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("time", DateTimeFormatter.ISO_INSTANT.format(time(e)));
        o.put("type", "container");
        o.put("service", e.path("Actor").path("Attributes").path(ComposeLabels.SERVICE).asText(""));
        o.put("id", e.path("Actor").path("ID").asText());
        o.put("action", e.path("Action").asText());
        ObjectNode attributes = o.putObject("attributes");
        attributes(e).forEach(attributes::put);
        return JSON.writeValueAsString(o);
    }

    private static Instant time(JsonNode e) {
        long nanos = e.path("timeNano").asLong(e.path("time").asLong() * 1_000_000_000L);
        return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }

    private static Map<String, String> attributes(JsonNode e) {
        Map<String, String> out = new TreeMap<>();
        e.path("Actor").path("Attributes").properties().forEach(a -> {
            if (!a.getKey().startsWith("com.docker.compose.")) {
                out.put(a.getKey(), a.getValue().asText());
            }
        });
        return out;
    }
}
