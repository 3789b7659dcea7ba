package dev.berth.cli.command.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.client.ApiResponse;
import dev.berth.api.client.Filters;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.command.container.LogTime;
import dev.berth.cli.format.GoTemplate;
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

/**
 * {@code berth events} (also {@code system events}): prints the daemon's events as they
 * come, one line each as docker does ({@code <time> <type> <action> <id> (k=v, ...)}), or
 * through {@code --format}; ends with the stream ({@code --until}) or on Ctrl-C.
 */
@Command(name = "events", description = "Get real time events from the server")
public final class EventsCommand extends BerthCommand {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX").withZone(ZoneId.systemDefault());

    @Option(names = "--since", description = "Show all events created since timestamp")
    String since;

    @Option(names = "--until", description = "Stream events until this timestamp")
    String until;

    @Option(names = {"-f", "--filter"}, description = "Filter output based on conditions provided")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", description = "Format the output using the given Go template")
    String format;

    @Override
    public Integer call() throws IOException {
        Instant now = Instant.now();
        Filters parsed = parseFilters(filters);
        List<String> query = new ArrayList<>();
        add(query, "since", LogTime.toTimestamp(since, now));
        add(query, "until", LogTime.toTimestamp(until, now));
        if (!parsed.isEmpty()) {
            add(query, "filters", parsed.toJson());
        }
        String target = "/events" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        GoTemplate template = format == null || format.isEmpty() ? null
                : GoTemplate.parse(format.equals("json") ? "{{json .}}" : format);
        ObjectMapper mapper = new ObjectMapper();
        try (ApiResponse response = client().raw("GET", target); InputStream body = response.body();
                JsonParser parser = mapper.getFactory().createParser(body)) {
            Iterator<JsonNode> events = mapper.readValues(parser, JsonNode.class);
            while (events.hasNext()) {
                JsonNode e = events.next();
                out().println(template == null ? line(e) : template.execute(e));
                out().flush();
            }
        }
        return 0;
    }

    private static void add(List<String> query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** docker's default line: local time with nanoseconds, type, action, ID and sorted attributes. */
    static String line(JsonNode e) {
        long nanos = e.path("timeNano").asLong();
        Instant t = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        StringBuilder s = new StringBuilder(TIME.format(t)).append(' ').append(e.path("Type").asText()).append(' ')
                .append(e.path("Action").asText()).append(' ').append(e.path("Actor").path("ID").asText());
        Map<String, String> attributes = new TreeMap<>();
        e.path("Actor").path("Attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
        if (!attributes.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            attributes.forEach((k, v) -> pairs.add(k + "=" + v));
            s.append(" (").append(String.join(", ", pairs)).append(')');
        }
        return s.toString();
    }
}
