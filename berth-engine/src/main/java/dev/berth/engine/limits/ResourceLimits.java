package dev.berth.engine.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The resource fields of {@code HostConfig} (Memory, MemorySwap, MemoryReservation,
 * MemorySwappiness, NanoCpus, CpuShares, CpuPeriod, CpuQuota, CpusetCpus, CpusetMems,
 * PidsLimit, OomKillDisable, BlkioWeight): dockerd's checks with its messages (moby
 * daemon/daemon_unix.go verifyPlatformContainerResources) and the OCI
 * {@code linux.resources} they become (moby daemon/oci_linux.go).
 */
public final class ResourceLimits {

    /** dockerd's floor for memory limits and reservations. */
    public static final long MIN_MEMORY = 6 * 1024 * 1024;
    /** The CFS period {@code --cpus} uses. */
    public static final long CPU_PERIOD = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResourceLimits() {
    }

    /**
     * Checks {@code h} as dockerd does at create ({@code update} false) or update; throws
     * {@link InvalidArgumentException} with dockerd's words, returns its warnings.
     */
    public static List<String> check(HostConfig h, HostLimits host, boolean update) {
        List<String> warnings = new ArrayList<>();
        long memory = value(h.memory());
        long swap = value(h.memorySwap());
        long reservation = value(h.memoryReservation());
        if (memory != 0 && memory < MIN_MEMORY) {
            throw new InvalidArgumentException("Minimum memory limit allowed is 6MB");
        }
        if (memory > 0 && swap > 0 && swap < memory) {
            throw new InvalidArgumentException(
                    "Minimum memoryswap limit should be larger than memory limit, see usage");
        }
        if (memory == 0 && swap > 0 && !update) {
            throw new InvalidArgumentException(
                    "You should always set the Memory limit when using Memoryswap limit, see usage");
        }
        if (swap != 0 && !host.swapLimit()) {
            warnings.add("Your kernel does not support swap limit capabilities or the cgroup is not mounted. "
                    + "Memory limited without swap.");
        }
        if (h.memorySwappiness() != null && h.memorySwappiness() != -1
                && (h.memorySwappiness() < 0 || h.memorySwappiness() > 100)) {
            throw new InvalidArgumentException("Invalid value: " + h.memorySwappiness()
                    + ", valid memory swappiness range is 0-100");
        }
        if (h.memorySwappiness() != null && host.cgroupV2()) {
            warnings.add("Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. "
                    + "Memory swappiness discarded.");
        }
        if (memory > 0 && reservation > 0 && reservation > memory) {
            throw new InvalidArgumentException(
                    "Minimum memory limit can not be less than memory reservation limit, see usage");
        }
        if (reservation > 0 && reservation < MIN_MEMORY) {
            throw new InvalidArgumentException("Minimum memory reservation allowed is 6MB");
        }
        if (Boolean.TRUE.equals(h.oomKillDisable()) && memory == 0) {
            warnings.add("OOM killer is disabled for the container, but no memory limit is set, "
                    + "this can result in the system running out of resources.");
        }
        long nanoCpus = value(h.nanoCpus());
        if (nanoCpus > 0 && value(h.cpuPeriod()) > 0) {
            throw new InvalidArgumentException("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        }
        if (nanoCpus > 0 && value(h.cpuQuota()) > 0) {
            throw new InvalidArgumentException("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
        }
        if (nanoCpus < 0 || nanoCpus > host.cpus() * 1_000_000_000L) {
            throw new InvalidArgumentException("Range of CPUs is from 0.01 to " + host.cpus() + ".00, as there are only "
                    + host.cpus() + " CPUs available");
        }
        long period = value(h.cpuPeriod());
        if (period != 0 && (period < 1000 || period > 1_000_000)) {
            throw new InvalidArgumentException(
                    "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
        }
        if (value(h.cpuQuota()) > 0 && value(h.cpuQuota()) < 1000) {
            throw new InvalidArgumentException("CPU cfs quota can not be less than 1ms (i.e. 1000)");
        }
        checkCpuset(h.cpusetCpus(), host.cpus(), "cpus");
        checkCpuset(h.cpusetMems(), 1, "mems");
        int weight = h.blkioWeight() == null ? 0 : h.blkioWeight();
        if (weight > 0 && (weight < 10 || weight > 1000)) {
            throw new InvalidArgumentException("Range of blkio weight is from 10 to 1000");
        }
        if (weight > 0 && !host.blkioWeight()) {
            warnings.add("Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.");
        }
        return warnings;
    }

    private static void checkCpuset(String set, int available, String what) {
        if (set == null || set.isEmpty()) {
            return;
        }
        TreeSet<Integer> ids;
        try {
            ids = parseList(set);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("Invalid value " + set + " for cpuset " + what);
        }
        if (ids.last() >= available) {
            throw new InvalidArgumentException("Requested " + (what.equals("cpus") ? "CPUs" : "memory nodes")
                    + " are not available - requested " + set + ", available: "
                    + (available == 1 ? "0" : "0-" + (available - 1)));
        }
    }

    /** A cpuset list ("0-2,4") as its members. */
    static TreeSet<Integer> parseList(String list) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : list.split(",")) {
            String[] range = part.strip().split("-", 2);
            int from = Integer.parseInt(range[0]);
            int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
            if (from < 0 || to < from) {
                throw new IllegalArgumentException(part);
            }
            for (int i = from; i <= to; i++) {
                out.add(i);
            }
        }
        return out;
    }

    /** MemorySwap as dockerd records it: twice the memory limit when only the limit was given. */
    public static long effectiveSwap(HostConfig h) {
        long memory = value(h.memory());
        long swap = value(h.memorySwap());
        return memory > 0 && swap == 0 ? memory * 2 : swap;
    }

    /**
     * The OCI {@code linux.resources} members (memory, cpu, pids, blockIO) for {@code h};
     * without devices, which the spec generator owns. Also the body of the runtime's
     * {@code update --resources}.
     */
    public static ObjectNode toOci(HostConfig h, HostLimits host) {
        ObjectNode resources = JSON.createObjectNode();
        ObjectNode memory = JSON.createObjectNode();
        long limit = value(h.memory());
        if (limit > 0) {
            memory.put("limit", limit);
            long swap = effectiveSwap(h);
            if (host.swapLimit() && swap != 0) {
                memory.put("swap", swap);
            }
        }
        if (value(h.memoryReservation()) > 0) {
            memory.put("reservation", h.memoryReservation());
        }
        if (h.memorySwappiness() != null && h.memorySwappiness() >= 0 && !host.cgroupV2()) {
            memory.put("swappiness", h.memorySwappiness());
        }
        if (Boolean.TRUE.equals(h.oomKillDisable()) && !host.cgroupV2()) {
            memory.put("disableOOMKiller", true);
        }
        if (!memory.isEmpty()) {
            resources.set("memory", memory);
        }
        ObjectNode cpu = JSON.createObjectNode();
        if (value(h.cpuShares()) > 0) {
            cpu.put("shares", h.cpuShares());
        }
        if (value(h.nanoCpus()) > 0) {
            cpu.put("period", CPU_PERIOD);
            cpu.put("quota", h.nanoCpus() * CPU_PERIOD / 1_000_000_000L);
        } else {
            if (value(h.cpuPeriod()) > 0) {
                cpu.put("period", h.cpuPeriod());
            }
            if (value(h.cpuQuota()) != 0) {
                cpu.put("quota", h.cpuQuota());
            }
        }
        if (h.cpusetCpus() != null && !h.cpusetCpus().isEmpty()) {
            cpu.put("cpus", h.cpusetCpus());
        }
        if (h.cpusetMems() != null && !h.cpusetMems().isEmpty()) {
            cpu.put("mems", h.cpusetMems());
        }
        if (!cpu.isEmpty()) {
            resources.set("cpu", cpu);
        }
        if (h.pidsLimit() != null && h.pidsLimit() != 0) {
            // 0 and negative mean unlimited; -1 tells the runtime "max" (needed by update).
            resources.putObject("pids").put("limit", h.pidsLimit() > 0 ? h.pidsLimit() : -1);
        }
        if (h.blkioWeight() != null && h.blkioWeight() > 0 && host.blkioWeight()) {
            resources.putObject("blockIO").put("weight", h.blkioWeight());
        }
        return resources;
    }

    private static long value(Long v) {
        return v == null ? 0 : v;
    }
}
