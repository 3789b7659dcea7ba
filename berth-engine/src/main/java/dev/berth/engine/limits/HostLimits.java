package dev.berth.engine.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What this host lets containers have, read once at start: CPUs, which cgroup knobs exist,
 * and the daemon's own rlimits and capabilities (without CAP_SYS_RESOURCE a container can
 * get no rlimit above berthd's hard limit and no oom_score_adj below berthd's).
 *
 * @param cpus             CPUs online
 * @param cgroupV2         whether the memory controller is on the unified hierarchy
 * @param swapLimit        whether memory+swap can be limited (v1 {@code memory.memsw.*})
 * @param blkioWeight      whether the block I/O weight knob exists
 * @param capSysResource   whether berthd holds CAP_SYS_RESOURCE
 * @param hardLimits       berthd's hard rlimits by Docker's ulimit name (nofile, nproc, ...); -1 unlimited
 * @param oomScoreAdj      berthd's own oom_score_adj
 */
public record HostLimits(int cpus, boolean cgroupV2, boolean swapLimit, boolean blkioWeight,
        boolean capSysResource, Map<String, Long> hardLimits, int oomScoreAdj) {

    private static final int CAP_SYS_RESOURCE = 24;

    // Docker's ulimit names -> the row of /proc/<pid>/limits.
    static final Map<String, String> PROC_LIMIT_ROWS = Map.ofEntries(
            Map.entry("core", "Max core file size"), Map.entry("cpu", "Max cpu time"),
            Map.entry("data", "Max data size"), Map.entry("fsize", "Max file size"),
            Map.entry("locks", "Max file locks"), Map.entry("memlock", "Max locked memory"),
            Map.entry("msgqueue", "Max msgqueue size"), Map.entry("nice", "Max nice priority"),
            Map.entry("nofile", "Max open files"), Map.entry("nproc", "Max processes"),
            Map.entry("rss", "Max resident set"), Map.entry("rtprio", "Max realtime priority"),
            Map.entry("rttime", "Max realtime timeout"), Map.entry("sigpending", "Max pending signals"),
            Map.entry("stack", "Max stack size"), Map.entry("as", "Max address space"));

    /** A host that allows everything (tests of the pure mapping). */
    public static HostLimits permissive(int cpus) {
        return new HostLimits(cpus, false, true, true, true, Map.of(), -1000);
    }

    /** This host, as seen by this process through {@code cgroupRoot} and {@code /proc/self}. */
    public static HostLimits detect(Path cgroupRoot) {
        boolean v2 = Files.exists(cgroupRoot.resolve("cgroup.controllers"));
        Path memory = v2 ? cgroupRoot : cgroupRoot.resolve("memory");
        Path blkio = v2 ? cgroupRoot : cgroupRoot.resolve("blkio");
        return new HostLimits(Runtime.getRuntime().availableProcessors(), v2,
                v2 || Files.exists(memory.resolve("memory.memsw.limit_in_bytes")),
                Files.exists(blkio.resolve(v2 ? "io.weight" : "blkio.weight")),
                capability(read(Path.of("/proc/self/status")), CAP_SYS_RESOURCE),
                parseLimits(read(Path.of("/proc/self/limits"))),
                Integer.parseInt(read(Path.of("/proc/self/oom_score_adj")).strip().isEmpty() ? "0"
                        : read(Path.of("/proc/self/oom_score_adj")).strip()));
    }

    static boolean capability(String status, int bit) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << bit)) != 0;
            }
        }
        return false;
    }

    /** The hard limits of a {@code /proc/<pid>/limits} text by ulimit name; "unlimited" is -1. */
    static Map<String, Long> parseLimits(String limits) {
        Map<String, Long> out = new HashMap<>();
        for (String line : limits.split("\n")) {
            PROC_LIMIT_ROWS.forEach((name, row) -> {
                if (line.startsWith(row + " ")) {
                    String[] f = line.substring(row.length()).trim().split("\\s+");
                    if (f.length >= 2) {
                        out.put(name, f[1].equals("unlimited") ? -1L : Long.parseLong(f[1]));
                    }
                }
            });
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
