package dev.berth.cli.command.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.container.MountPoint;
import dev.berth.cli.Text;
import dev.berth.cli.interim.HumanDuration;
import dev.berth.cli.interim.HumanSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fields {@code ps --format} sees, computed from a list entry the way docker's container
 * formatter does (.ID, .Image, .Command, .CreatedAt, .RunningFor, .Ports, .State, .Status,
 * .Size, .Names, .Labels, .Mounts, .Networks).
 */
final class ContainerRows {

    static final String DEFAULT_TABLE = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
    static final String SIZE_COLUMN = "\t{{.Size}}";

    private ContainerRows() {
    }

    static JsonNode headers() {
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.put("ID", "CONTAINER ID").put("Image", "IMAGE").put("Command", "COMMAND").put("CreatedAt", "CREATED AT")
                .put("RunningFor", "CREATED").put("Ports", "PORTS").put("State", "STATE").put("Status", "STATUS")
                .put("Size", "SIZE").put("Names", "NAMES").put("Labels", "LABELS").put("Mounts", "MOUNTS")
                .put("Networks", "NETWORKS").put("LocalVolumes", "LOCAL VOLUMES");
        return h;
    }

    static JsonNode row(ContainerSummary c, boolean trunc, Instant now) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("ID", trunc ? Text.shortId(c.id()) : c.id());
        r.put("Image", image(c, trunc));
        String command = c.command() == null ? "" : c.command();
        r.put("Command", Text.goQuote(trunc ? Text.ellipsis(command, 20) : command));
        r.put("CreatedAt", Text.goTime(c.created()));
        r.put("RunningFor", HumanDuration.of(Duration.between(Instant.ofEpochSecond(c.created()), now)) + " ago");
        r.put("Ports", ports(c.ports()));
        r.put("State", c.state());
        r.put("Status", c.status());
        r.put("Size", size(c));
        r.put("Names", names(c.names(), trunc));
        r.put("Labels", labels(c.labels()));
        r.put("Mounts", mounts(c.mounts(), trunc));
        r.put("Networks", c.networkSettings() == null || c.networkSettings().networks() == null ? ""
                : String.join(",", new TreeSet<>(c.networkSettings().networks().keySet())));
        r.put("LocalVolumes", c.mounts() == null ? "0"
                : Long.toString(c.mounts().stream().filter(m -> "local".equals(m.driver())).count()));
        return r;
    }

    /** An image given by ID shows as its short ID; names show as they are. */
    private static String image(ContainerSummary c, boolean trunc) {
        String image = c.image() == null ? "" : c.image();
        if (trunc && image.startsWith("sha256:")) {
            return Text.shortId(image);
        }
        return image;
    }

    /** Names without their leading slash; truncated lists leave out legacy link names (with another '/'). */
    static String names(List<String> names, boolean trunc) {
        if (names == null) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        for (String n : names) {
            String name = n.startsWith("/") ? n.substring(1) : n;
            if (!trunc || !name.contains("/")) {
                shown.add(name);
            }
        }
        return String.join(",", shown);
    }

    /** {@code 0.0.0.0:8080->80/tcp, 443/tcp}, sorted as docker sorts them. */
    static String ports(List<ContainerSummary.Port> ports) {
        if (ports == null || ports.isEmpty()) {
            return "";
        }
        List<ContainerSummary.Port> sorted = new ArrayList<>(ports);
        sorted.sort((a, b) -> {
            int pa = a.privatePort() == null ? 0 : a.privatePort();
            int pb = b.privatePort() == null ? 0 : b.privatePort();
            return pa != pb ? Integer.compare(pa, pb) : String.valueOf(a.type()).compareTo(String.valueOf(b.type()));
        });
        List<String> out = new ArrayList<>();
        for (ContainerSummary.Port p : sorted) {
            String type = p.type() == null ? "tcp" : p.type();
            if (p.publicPort() != null && p.publicPort() > 0) {
                String ip = p.ip() == null || p.ip().isEmpty() ? "" : (p.ip().contains(":") ? "[" + p.ip() + "]" : p.ip()) + ":";
                out.add(ip + p.publicPort() + "->" + p.privatePort() + "/" + type);
            } else {
                out.add(p.privatePort() + "/" + type);
            }
        }
        return String.join(", ", new java.util.LinkedHashSet<>(out));
    }

    private static String size(ContainerSummary c) {
        long rw = c.sizeRw() == null ? 0 : c.sizeRw();
        String s = HumanSize.of(rw, 3);
        if (c.sizeRootFs() != null && c.sizeRootFs() > 0) {
            s += " (virtual " + HumanSize.of(c.sizeRootFs(), 3) + ")";
        }
        return s;
    }

    private static String labels(Map<String, String> labels) {
        if (labels == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> out.add(k + "=" + v));
        return String.join(",", out);
    }

    private static String mounts(List<MountPoint> mounts, boolean trunc) {
        if (mounts == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (MountPoint m : mounts) {
            String name = m.name() != null && !m.name().isEmpty() ? m.name() : m.source();
            out.add(trunc ? Text.ellipsis(name, 15) : name);
        }
        return String.join(",", out);
    }
}
