package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.units.HumanDuration;
import dev.berth.api.units.HumanSize;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields {@code docker ps} templates see for one container ({@code ContainerContext}),
 * computed from a {@code GET /containers/json} item.
 *
 * <p>The row's keys are in name order, as docker's {@code --format json} prints them. Every
 * value is a string, except {@code Platform}, which is null when the daemon does not report
 * one. Docker's {@code .Label "name"} method has no equivalent: use {@code index} on the
 * summary's labels, or {@code .Labels} ("k=v,k2=v2").
 */
public final class ContainerRows {

    /** Column titles by field name, for {@link OutputFormat#render}. */
    public static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("ID", "CONTAINER ID"), Map.entry("Names", "NAMES"), Map.entry("Image", "IMAGE"),
            Map.entry("Command", "COMMAND"), Map.entry("CreatedAt", "CREATED AT"), Map.entry("RunningFor", "CREATED"),
            Map.entry("Ports", "PORTS"), Map.entry("State", "STATE"), Map.entry("Status", "STATUS"),
            Map.entry("Size", "SIZE"), Map.entry("Labels", "LABELS"), Map.entry("Mounts", "MOUNTS"),
            Map.entry("LocalVolumes", "LOCAL VOLUMES"), Map.entry("Networks", "NETWORKS"),
            Map.entry("Platform", "PLATFORM"), Map.entry("HealthStatus", "HEALTH STATUS"));

    private static final DateTimeFormatter GO_TIME_STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx zzz");

    private ContainerRows() {
    }

    /**
     * The row for {@code summary}.
     *
     * @param trunc true unless {@code --no-trunc}: short IDs, one name, shortened command and mounts
     * @param now   the client's clock, for "CREATED" ("5 minutes ago")
     * @param zone  the zone for {@code CreatedAt}, normally {@link ZoneId#systemDefault()}
     */
    public static ObjectNode of(JsonNode summary, boolean trunc, Instant now, ZoneId zone) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        long created = summary.path("Created").asLong();
        String command = summary.path("Command").asText("");
        row.put("Command", GoStrings.quote(trunc ? DisplayText.ellipsis(command, 20) : command));
        row.put("CreatedAt", createdAt(created, zone));
        row.put("HealthStatus", healthStatus(summary));
        String id = summary.path("Id").asText("");
        row.put("ID", trunc ? DisplayText.truncateId(id) : id);
        row.put("Image", image(summary.path("Image").asText(""), summary.path("ImageID").asText(""), trunc));
        row.put("Labels", labels(summary.path("Labels")));
        row.put("LocalVolumes", Long.toString(count(summary.path("Mounts"))));
        row.put("Mounts", mounts(summary.path("Mounts"), trunc));
        row.put("Names", names(summary.path("Names"), trunc));
        List<String> networks = new ArrayList<>();
        summary.path("NetworkSettings").path("Networks").fieldNames().forEachRemaining(networks::add);
        networks.sort(null);
        row.put("Networks", String.join(",", networks));
        row.set("Platform", platform(summary.path("ImageManifestDescriptor").path("platform")));
        row.put("Ports", PortsText.of(summary.path("Ports")));
        row.put("RunningFor", ago(created, now));
        row.put("Size", size(summary.path("SizeRw").asLong(0), summary.path("SizeRootFs").asLong(0)));
        row.put("State", summary.path("State").asText(""));
        row.put("Status", summary.path("Status").asText(""));
        return row;
    }

    /** {@code time.Unix(s, 0).String()}: "2006-01-02 15:04:05 -0700 MST". */
    static String createdAt(long epochSeconds, ZoneId zone) {
        return GO_TIME_STRING.format(Instant.ofEpochSecond(epochSeconds).atZone(zone));
    }

    static String ago(long epochSeconds, Instant now) {
        return HumanDuration.of(Duration.between(Instant.ofEpochSecond(epochSeconds), now)) + " ago";
    }

    private static String image(String image, String imageId, boolean trunc) {
        if (image.isEmpty()) {
            return "<no image>";
        }
        if (!trunc) {
            return image;
        }
        String shortId = DisplayText.truncateId(imageId);
        if (shortId.equals(DisplayText.truncateId(image))) {
            return shortId;
        }
        int at = image.indexOf('@');
        return ImageRows.familiar(at >= 0 ? image.substring(0, at) : image);
    }

    private static String names(JsonNode names, boolean trunc) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : names) {
            String name = n.asText().startsWith("/") ? n.asText().substring(1) : n.asText();
            if (trunc) {
                // Only the first name that is not a legacy link ("/other/alias").
                if (name.indexOf('/') < 0) {
                    return name;
                }
                continue;
            }
            out.add(name);
        }
        return String.join(",", out);
    }

    private static String labels(JsonNode labels) {
        List<String> pairs = new ArrayList<>();
        labels.properties().forEach(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
        pairs.sort(null);
        return String.join(",", pairs);
    }

    private static String mounts(JsonNode mounts, boolean trunc) {
        List<String> names = new ArrayList<>();
        for (JsonNode m : mounts) {
            String name = m.path("Name").asText("");
            if (name.isEmpty()) {
                name = m.path("Source").asText("");
            }
            names.add(trunc ? DisplayText.ellipsis(name, 15) : name);
        }
        return String.join(",", names);
    }

    private static long count(JsonNode mounts) {
        long local = 0;
        for (JsonNode m : mounts) {
            if (m.path("Driver").asText("").equals("local")) {
                local++;
            }
        }
        return local;
    }

    private static String size(long sizeRw, long sizeRootFs) {
        String rw = HumanSize.of(sizeRw, 3);
        return sizeRootFs > 0 ? rw + " (virtual " + HumanSize.of(sizeRootFs, 3) + ")" : rw;
    }

    private static JsonNode platform(JsonNode p) {
        if (!p.isObject()) {
            return JsonNodeFactory.instance.nullNode();
        }
        String text = p.path("os").asText("") + "/" + p.path("architecture").asText("");
        String variant = p.path("variant").asText("");
        return JsonNodeFactory.instance.textNode(variant.isEmpty() ? text : text + "/" + variant);
    }

    // API 1.52 reports Health; older daemons only put it in Status: "Up 1 hour (healthy)".
    private static String healthStatus(JsonNode summary) {
        String status = summary.path("Health").path("Status").asText("");
        if (!status.isEmpty()) {
            return status;
        }
        String text = summary.path("Status").asText("");
        int open = text.indexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            return "";
        }
        String health = text.substring(open + 1, text.length() - 1);
        health = health.startsWith("health: ") ? health.substring("health: ".length()) : health;
        return switch (health) {
            case "healthy", "unhealthy", "starting" -> health;
            default -> "";
        };
    }
}
