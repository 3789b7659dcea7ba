package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.units.BytesSize;
import dev.berth.api.units.HumanSize;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of {@code docker stats}: one per container, from an entry of
 * {@code GET /containers/{id}/stats}, with docker's arithmetic (CPU % relative to the host's
 * CPU time between the two readings times the CPUs online; memory without the inactive
 * page cache) and its units (binary for memory, decimal with three digits for I/O).
 */
public final class StatsRows {

    /** docker stats' default table. */
    public static final String TABLE =
            "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

    /** Column titles by field name, for {@link OutputFormat#render}. */
    public static final Map<String, String> HEADERS = Map.of(
            "Container", "CONTAINER", "ID", "CONTAINER ID", "Name", "NAME", "CPUPerc", "CPU %",
            "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO", "NET I/O", "BlockIO", "BLOCK I/O",
            "PIDs", "PIDS");

    private StatsRows() {
    }

    /** The row of {@code stats}; {@code container} is what the user named (or the short ID). */
    public static ObjectNode of(JsonNode stats, String container, boolean trunc) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        String id = stats.path("id").asText("");
        row.put("Container", container);
        row.put("ID", trunc ? DisplayText.truncateId(id) : id);
        row.put("Name", stats.path("name").asText("").replaceFirst("^/", ""));
        row.put("CPUPerc", percent(cpuPercent(stats)));
        double used = memoryUsed(stats.path("memory_stats"));
        double limit = stats.path("memory_stats").path("limit").asDouble(0);
        row.put("MemUsage", BytesSize.of(used) + " / " + BytesSize.of(limit));
        row.put("MemPerc", percent(limit == 0 ? 0 : used / limit * 100.0));
        long rx = 0;
        long tx = 0;
        for (JsonNode n : stats.path("networks")) {
            rx += n.path("rx_bytes").asLong();
            tx += n.path("tx_bytes").asLong();
        }
        row.put("NetIO", HumanSize.of(rx, 3) + " / " + HumanSize.of(tx, 3));
        long read = 0;
        long write = 0;
        for (JsonNode e : stats.path("blkio_stats").path("io_service_bytes_recursive")) {
            switch (e.path("op").asText("").toLowerCase(Locale.ROOT)) {
                case "read" -> read += e.path("value").asLong();
                case "write" -> write += e.path("value").asLong();
                default -> {
                }
            }
        }
        row.put("BlockIO", HumanSize.of(read, 3) + " / " + HumanSize.of(write, 3));
        row.put("PIDs", Long.toString(stats.path("pids_stats").path("current").asLong(0)));
        return row;
    }

    /** docker's calculateCPUPercentUnix: (Δcontainer / Δsystem) × online CPUs × 100. */
    public static double cpuPercent(JsonNode stats) {
        JsonNode cpu = stats.path("cpu_stats");
        JsonNode pre = stats.path("precpu_stats");
        double cpuDelta = cpu.path("cpu_usage").path("total_usage").asDouble() - pre.path("cpu_usage").path("total_usage").asDouble();
        double systemDelta = cpu.path("system_cpu_usage").asDouble() - pre.path("system_cpu_usage").asDouble();
        double online = cpu.path("online_cpus").asDouble(0);
        if (online == 0) {
            online = cpu.path("cpu_usage").path("percpu_usage").size();
        }
        return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * online * 100.0 : 0;
    }

    /** Usage less the inactive file cache (cgroup v1 {@code total_inactive_file}, v2 {@code inactive_file}). */
    static double memoryUsed(JsonNode memory) {
        double usage = memory.path("usage").asDouble(0);
        JsonNode stats = memory.path("stats");
        JsonNode inactive = stats.has("total_inactive_file") ? stats.get("total_inactive_file") : stats.get("inactive_file");
        if (inactive != null && inactive.asDouble() < usage) {
            return usage - inactive.asDouble();
        }
        return usage;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }
}
