package dev.berth.daemon.router.containers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Timestamps;
import dev.berth.engine.cgroups.CgroupReader;
import dev.berth.engine.cgroups.CgroupSample;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of {@code GET /containers/{id}/stats} in dockerd's JSON (types/container
 * StatsResponse): {@code read}/{@code preread}, {@code cpu_stats}/{@code precpu_stats},
 * {@code memory_stats}, {@code pids_stats}, {@code blkio_stats}, {@code networks}.
 */
final class StatsJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StatsJson() {
    }

    /**
     * What was read at one moment: the cgroup, the host's CPU time and CPU count, the
     * container's interfaces, the host's memory (the limit shown when there is none).
     */
    record Reading(Instant at, CgroupSample cgroup, long systemCpuNanos, int onlineCpus,
            Map<String, CgroupReader.NetCounters> networks, long hostMemory) {
    }

    /** The entry for {@code current}, with {@code previous} as precpu (null: none, as one-shot). */
    static ObjectNode of(String name, String id, Reading current, Reading previous) {
        ObjectNode root = JSON.objectNode();
        root.put("name", "/" + name);
        root.put("id", id);
        root.put("read", Timestamps.format(current == null ? null : current.at()));
        root.put("preread", Timestamps.format(previous == null ? null : previous.at()));
        ObjectNode pids = root.putObject("pids_stats");
        ObjectNode blkio = root.putObject("blkio_stats");
        root.put("num_procs", 0);
        root.putObject("storage_stats");
        root.set("cpu_stats", cpu(current));
        root.set("precpu_stats", cpu(previous));
        ObjectNode memory = root.putObject("memory_stats");
        if (current == null) {
            blkio.putNull("io_service_bytes_recursive");
            return root;
        }
        CgroupSample c = current.cgroup();
        pids.put("current", c.pidsCurrent());
        if (c.pidsLimit() > 0) {
            pids.put("limit", c.pidsLimit());
        }
        ArrayNode io = blkio.putArray("io_service_bytes_recursive");
        c.blkio().forEach(e -> io.addObject().put("major", e.major()).put("minor", e.minor())
                .put("op", e.op()).put("value", e.value()));
        for (String other : new String[] {"io_serviced_recursive", "io_queue_recursive", "io_service_time_recursive",
                "io_wait_time_recursive", "io_merged_recursive", "io_time_recursive", "sectors_recursive"}) {
            blkio.putNull(other);
        }
        memory.put("usage", c.memoryUsage());
        if (c.memoryMaxUsage() > 0) {
            memory.put("max_usage", c.memoryMaxUsage());
        }
        ObjectNode stats = memory.putObject("stats");
        c.memoryStat().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> stats.put(e.getKey(), e.getValue()));
        memory.put("limit", c.memoryLimit() == Long.MAX_VALUE || (current.hostMemory() > 0 && c.memoryLimit() > current.hostMemory())
                ? current.hostMemory() : c.memoryLimit());
        if (c.memoryFailcnt() > 0) {
            memory.put("failcnt", c.memoryFailcnt());
        }
        if (!current.networks().isEmpty()) {
            ObjectNode networks = root.putObject("networks");
            current.networks().forEach((iface, n) -> networks.putObject(iface)
                    .put("rx_bytes", n.rxBytes()).put("rx_packets", n.rxPackets())
                    .put("rx_errors", n.rxErrors()).put("rx_dropped", n.rxDropped())
                    .put("tx_bytes", n.txBytes()).put("tx_packets", n.txPackets())
                    .put("tx_errors", n.txErrors()).put("tx_dropped", n.txDropped()));
        }
        return root;
    }

    private static ObjectNode cpu(Reading r) {
        ObjectNode cpu = JSON.objectNode();
        ObjectNode usage = cpu.putObject("cpu_usage");
        ObjectNode throttling = JSON.objectNode();
        if (r == null) {
            usage.put("total_usage", 0).put("usage_in_kernelmode", 0).put("usage_in_usermode", 0);
            throttling.put("periods", 0).put("throttled_periods", 0).put("throttled_time", 0);
            cpu.set("throttling_data", throttling);
            return cpu;
        }
        CgroupSample c = r.cgroup();
        usage.put("total_usage", c.cpuTotalNanos());
        if (!c.perCpuNanos().isEmpty()) {
            ArrayNode per = usage.putArray("percpu_usage");
            c.perCpuNanos().forEach(per::add);
        }
        usage.put("usage_in_kernelmode", c.cpuSystemNanos()).put("usage_in_usermode", c.cpuUserNanos());
        cpu.put("system_cpu_usage", r.systemCpuNanos());
        cpu.put("online_cpus", r.onlineCpus());
        throttling.put("periods", c.throttling().periods()).put("throttled_periods", c.throttling().throttledPeriods())
                .put("throttled_time", c.throttling().throttledNanos());
        cpu.set("throttling_data", throttling);
        return cpu;
    }
}
