package dev.berth.engine.cgroups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a container's cgroup files into a {@link CgroupSample} (v1 and v2 file names and
 * units), and the host's CPU time from {@code /proc/stat} that Docker's CPU % is relative
 * to. A missing file reads as zero: a cgroup disappears when its container exits.
 */
public final class CgroupReader {

    // /proc/stat counts in USER_HZ; Linux fixes it at 100 for user space.
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final long V1_UNLIMITED = 0x7FFFFFFFFFFFF000L;

    private final CgroupLayout layout;
    private final Path proc;

    public CgroupReader(CgroupLayout layout, Path proc) {
        this.layout = layout;
        this.proc = proc;
    }

    public static CgroupReader host() {
        return new CgroupReader(CgroupLayout.host(), Path.of("/proc"));
    }

    public CgroupLayout layout() {
        return layout;
    }

    /** The cgroup {@code cgroupsPath} now. */
    public CgroupSample read(String cgroupsPath) {
        return layout.unified() ? readV2(layout.dir("", cgroupsPath)) : readV1(cgroupsPath);
    }

    private CgroupSample readV1(String cgroupsPath) {
        Path cpuacct = layout.dir("cpuacct", cgroupsPath);
        Path cpu = layout.dir("cpu", cgroupsPath);
        Path memory = layout.dir("memory", cgroupsPath);
        Path pids = layout.dir("pids", cgroupsPath);
        Map<String, Long> cpuacctStat = keyed(cpuacct.resolve("cpuacct.stat"));
        Map<String, Long> cpuStat = keyed(cpu.resolve("cpu.stat"));
        List<Long> perCpu = new ArrayList<>();
        for (String v : text(cpuacct.resolve("cpuacct.usage_percpu")).trim().split("\\s+")) {
            if (!v.isEmpty()) {
                perCpu.add(parse(v));
            }
        }
        long limit = number(memory.resolve("memory.limit_in_bytes"));
        return new CgroupSample(number(cpuacct.resolve("cpuacct.usage")),
                cpuacctStat.getOrDefault("user", 0L) * NANOS_PER_TICK,
                cpuacctStat.getOrDefault("system", 0L) * NANOS_PER_TICK, perCpu,
                new CgroupSample.Throttling(cpuStat.getOrDefault("nr_periods", 0L),
                        cpuStat.getOrDefault("nr_throttled", 0L), cpuStat.getOrDefault("throttled_time", 0L)),
                number(memory.resolve("memory.usage_in_bytes")), number(memory.resolve("memory.max_usage_in_bytes")),
                limit == 0 || limit >= V1_UNLIMITED ? Long.MAX_VALUE : limit,
                number(memory.resolve("memory.failcnt")), keyed(memory.resolve("memory.stat")),
                number(pids.resolve("pids.current")), number(pids.resolve("pids.max")),
                blkioV1(layout.dir("blkio", cgroupsPath)));
    }

    private CgroupSample readV2(Path dir) {
        Map<String, Long> cpuStat = keyed(dir.resolve("cpu.stat"));
        long limit = number(dir.resolve("memory.max"));
        return new CgroupSample(cpuStat.getOrDefault("usage_usec", 0L) * 1000,
                cpuStat.getOrDefault("user_usec", 0L) * 1000, cpuStat.getOrDefault("system_usec", 0L) * 1000,
                List.of(), new CgroupSample.Throttling(cpuStat.getOrDefault("nr_periods", 0L),
                        cpuStat.getOrDefault("nr_throttled", 0L), cpuStat.getOrDefault("throttled_usec", 0L) * 1000),
                number(dir.resolve("memory.current")), 0, limit == 0 ? Long.MAX_VALUE : limit, 0,
                keyed(dir.resolve("memory.stat")), number(dir.resolve("pids.current")), number(dir.resolve("pids.max")),
                ioV2(dir.resolve("io.stat")));
    }

    // "8:0 Read 4096" lines, and a closing "Total 4096" that Docker leaves out.
    private static List<CgroupSample.BlkioEntry> blkioV1(Path blkio) {
        Path file = blkio.resolve("blkio.throttle.io_service_bytes_recursive");
        if (!Files.exists(file)) {
            file = blkio.resolve("blkio.throttle.io_service_bytes");
        }
        List<CgroupSample.BlkioEntry> entries = new ArrayList<>();
        for (String line : text(file).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].contains(":")) {
                String[] dev = f[0].split(":");
                entries.add(new CgroupSample.BlkioEntry(parse(dev[0]), parse(dev[1]), f[1], parse(f[2])));
            }
        }
        return entries;
    }

    // "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0"
    private static List<CgroupSample.BlkioEntry> ioV2(Path file) {
        List<CgroupSample.BlkioEntry> entries = new ArrayList<>();
        for (String line : text(file).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2 || !f[0].contains(":")) {
                continue;
            }
            String[] dev = f[0].split(":");
            for (int i = 1; i < f.length; i++) {
                String[] kv = f[i].split("=", 2);
                if (kv.length == 2 && (kv[0].equals("rbytes") || kv[0].equals("wbytes"))) {
                    entries.add(new CgroupSample.BlkioEntry(parse(dev[0]), parse(dev[1]),
                            kv[0].equals("rbytes") ? "read" : "write", parse(kv[1])));
                }
            }
        }
        return entries;
    }

    /** The host's CPU time in nanoseconds (user to softirq and steal of /proc/stat's "cpu" line), as Docker counts it. */
    public long systemCpuNanos() {
        for (String line : text(proc.resolve("stat")).split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long ticks = 0;
                for (int i = 1; i < Math.min(f.length, 8); i++) {
                    ticks += parse(f[i]);
                }
                return ticks * NANOS_PER_TICK;
            }
        }
        return 0;
    }

    /** CPUs online on the host ({@code cpuN} lines of /proc/stat). */
    public int onlineCpus() {
        int n = 0;
        for (String line : text(proc.resolve("stat")).split("\n")) {
            if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                n++;
            }
        }
        return n == 0 ? Runtime.getRuntime().availableProcessors() : n;
    }

    /** The host's memory in bytes ({@code MemTotal} of /proc/meminfo). */
    public long hostMemory() {
        for (String line : text(proc.resolve("meminfo")).split("\n")) {
            if (line.startsWith("MemTotal:")) {
                return parse(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        return 0;
    }

    /**
     * Interface counters of the network namespace that process {@code pid} is in
     * ({@code /proc/<pid>/net/dev}), loopback left out as Docker does.
     */
    public Map<String, NetCounters> network(long pid) {
        Map<String, NetCounters> out = new LinkedHashMap<>();
        for (String line : text(proc.resolve(Long.toString(pid)).resolve("net/dev")).split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (name.equals("lo") || f.length < 12) {
                continue;
            }
            out.put(name, new NetCounters(parse(f[0]), parse(f[1]), parse(f[2]), parse(f[3]),
                    parse(f[8]), parse(f[9]), parse(f[10]), parse(f[11])));
        }
        return out;
    }

    /** One interface's counters, as in {@code /proc/net/dev}. */
    public record NetCounters(long rxBytes, long rxPackets, long rxErrors, long rxDropped,
            long txBytes, long txPackets, long txErrors, long txDropped) {
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static long number(Path file) {
        String s = text(file).trim();
        return s.isEmpty() || s.equals("max") ? 0 : parse(s);
    }

    /** "key value" lines (memory.stat, cpu.stat, cpuacct.stat). */
    static Map<String, Long> keyed(Path file) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : text(file).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2) {
                out.put(f[0], parse(f[1]));
            }
        }
        return out;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
