package dev.berth.cli.command.container;

import dev.berth.cli.command.SpecBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The resource and process-limit flags of run, create and update, with docker's names, and
 * the {@code HostConfig} fields they become (Memory, MemorySwap, NanoCpus, PidsLimit, ...).
 * {@code --kernel-memory} is accepted and ignored, as docker 25 and later do.
 */
final class LimitFlags {

    String memory;
    String memorySwap;
    String memoryReservation;
    Long memorySwappiness;
    String kernelMemory;
    String cpus;
    Long cpuShares;
    Long cpuPeriod;
    Long cpuQuota;
    String cpusetCpus;
    String cpusetMems;
    Long pidsLimit;
    boolean oomKillDisable;
    Integer blkioWeight;
    Integer oomScoreAdj;
    List<String> ulimits = new ArrayList<>();
    List<String> securityOpts = new ArrayList<>();

    /** The flags {@code update} takes too. */
    SpecBuilder declareUpdatable(SpecBuilder spec) {
        return spec
                .value(String.class, "Memory limit", "memory", v -> memory = v, "-m", "--memory")
                .value(String.class, "Swap limit equal to memory plus swap: -1 to enable unlimited swap", "memorySwap", v -> memorySwap = v, "--memory-swap")
                .value(String.class, "Memory soft limit", "memoryReservation", v -> memoryReservation = v, "--memory-reservation")
                .value(String.class, "Kernel memory limit (deprecated, ignored)", "kernelMemory", v -> kernelMemory = v, "--kernel-memory")
                .value(String.class, "Number of CPUs", "cpus", v -> cpus = v, "--cpus")
                .value(Long.class, "CPU shares (relative weight)", "cpuShares", v -> cpuShares = v, "-c", "--cpu-shares")
                .value(Long.class, "Limit CPU CFS (Completely Fair Scheduler) period", "cpuPeriod", v -> cpuPeriod = v, "--cpu-period")
                .value(Long.class, "Limit CPU CFS (Completely Fair Scheduler) quota", "cpuQuota", v -> cpuQuota = v, "--cpu-quota")
                .value(String.class, "CPUs in which to allow execution (0-3, 0,1)", "cpusetCpus", v -> cpusetCpus = v, "--cpuset-cpus")
                .value(String.class, "MEMs in which to allow execution (0-3, 0,1)", "cpusetMems", v -> cpusetMems = v, "--cpuset-mems")
                .value(Long.class, "Tune container pids limit (set -1 for unlimited)", "pidsLimit", v -> pidsLimit = v, "--pids-limit")
                .value(Integer.class, "Block IO (relative weight), between 10 and 1000, or 0 to disable", "blkioWeight", v -> blkioWeight = v, "--blkio-weight");
    }

    /** Every flag run and create take. */
    SpecBuilder declare(SpecBuilder spec) {
        return declareUpdatable(spec)
                .value(Long.class, "Tune container memory swappiness (0 to 100)", "memorySwappiness", v -> memorySwappiness = v, "--memory-swappiness")
                .flag("Disable OOM Killer", "oomKillDisable", v -> oomKillDisable = v, "--oom-kill-disable")
                .value(Integer.class, "Tune host's OOM preferences (-1000 to 1000)", "oomScoreAdj", v -> oomScoreAdj = v, "--oom-score-adj")
                .list("Ulimit options", "ulimits", ulimits, v -> ulimits = v, "--ulimit")
                .list("Security Options", "securityOpts", securityOpts, v -> securityOpts = v, "--security-opt");
    }

    /** Adds the fields these flags set to a HostConfig (or update) body. */
    void putInto(Map<String, Object> host) {
        if (memory != null) {
            host.put("Memory", MountFlag.bytes(memory));
        }
        if (memorySwap != null) {
            host.put("MemorySwap", memorySwap.equals("-1") ? -1L : MountFlag.bytes(memorySwap));
        }
        if (memoryReservation != null) {
            host.put("MemoryReservation", MountFlag.bytes(memoryReservation));
        }
        if (memorySwappiness != null) {
            host.put("MemorySwappiness", memorySwappiness);
        }
        if (cpus != null) {
            host.put("NanoCpus", nanoCpus(cpus));
        }
        putIf(host, "CpuShares", cpuShares);
        putIf(host, "CpuPeriod", cpuPeriod);
        putIf(host, "CpuQuota", cpuQuota);
        putIf(host, "CpusetCpus", cpusetCpus);
        putIf(host, "CpusetMems", cpusetMems);
        putIf(host, "PidsLimit", pidsLimit);
        putIf(host, "BlkioWeight", blkioWeight);
        putIf(host, "OomScoreAdj", oomScoreAdj);
        if (oomKillDisable) {
            host.put("OomKillDisable", true);
        }
        if (!ulimits.isEmpty()) {
            host.put("Ulimits", ulimits.stream().map(LimitFlags::ulimit).toList());
        }
        if (!securityOpts.isEmpty()) {
            host.put("SecurityOpt", securityOpts.stream().map(LimitFlags::securityOpt).toList());
        }
    }

    /** {@code --cpus 1.5} as NanoCpus, docker's way (a rational number times 1e9). */
    static long nanoCpus(String text) {
        try {
            return new BigDecimal(text.trim()).movePointRight(9).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid argument \"" + text + "\" for \"--cpus\" flag: failed to parse "
                    + text + " as a rational number");
        }
    }

    /** {@code name=soft[:hard]}, as docker's units.ParseUlimit. */
    static Map<String, Object> ulimit(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("invalid ulimit argument: " + text);
        }
        String name = text.substring(0, eq).toLowerCase(Locale.ROOT);
        String[] limits = text.substring(eq + 1).split(":", -1);
        if (limits.length > 2) {
            throw new IllegalArgumentException("too many limit value arguments - " + text.substring(eq + 1)
                    + ", can only have up to two, `soft[:hard]`");
        }
        long soft = Long.parseLong(limits[0]);
        long hard = limits.length == 2 ? Long.parseLong(limits[1]) : soft;
        if (soft > hard) {
            throw new IllegalArgumentException("ulimit soft limit must be less than or equal to hard limit: "
                    + soft + " > " + hard);
        }
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("Name", name);
        u.put("Hard", hard);
        u.put("Soft", soft);
        return u;
    }

    /** {@code seccomp=<file>} is sent as the file's content, as docker's CLI does. */
    static String securityOpt(String opt) {
        String[] kv = opt.split("[=:]", 2);
        if (kv.length == 2 && kv[0].equals("seccomp") && !kv[1].equals("unconfined") && !kv[1].equals("builtin")) {
            try {
                return "seccomp=" + Files.readString(Path.of(kv[1]));
            } catch (IOException e) {
                throw new UncheckedIOException("opening seccomp profile (" + kv[1] + ") failed: " + e.getMessage(), e);
            }
        }
        return opt;
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
