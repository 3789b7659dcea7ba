package dev.berth.engine.cgroups;

import java.util.List;
import java.util.Map;

/**
 * One reading of a container's cgroup, in the units Docker's stats use (nanoseconds, bytes).
 * Values a cgroup version does not have are 0 (or empty).
 *
 * @param cpuTotalNanos      CPU time of all its processes
 * @param cpuUserNanos       of which in user mode
 * @param cpuSystemNanos     of which in kernel mode
 * @param perCpuNanos        per CPU (v1 {@code cpuacct.usage_percpu}; empty on v2)
 * @param throttling         CFS periods and throttling
 * @param memoryUsage        bytes charged now
 * @param memoryMaxUsage     the high-water mark (v1 only)
 * @param memoryLimit        the limit, {@link Long#MAX_VALUE} when unlimited
 * @param memoryFailcnt      times the limit was hit (v1 only)
 * @param memoryStat         {@code memory.stat}, key by key
 * @param pidsCurrent        processes and threads now
 * @param pidsLimit          their limit, 0 when unlimited
 * @param blkio              bytes read and written per device
 */
public record CgroupSample(
        long cpuTotalNanos,
        long cpuUserNanos,
        long cpuSystemNanos,
        List<Long> perCpuNanos,
        Throttling throttling,
        long memoryUsage,
        long memoryMaxUsage,
        long memoryLimit,
        long memoryFailcnt,
        Map<String, Long> memoryStat,
        long pidsCurrent,
        long pidsLimit,
        List<BlkioEntry> blkio) {

    public CgroupSample {
        perCpuNanos = List.copyOf(perCpuNanos);
        memoryStat = Map.copyOf(memoryStat);
        blkio = List.copyOf(blkio);
    }

    /** CFS bandwidth statistics ({@code cpu.stat}). */
    public record Throttling(long periods, long throttledPeriods, long throttledNanos) {
    }

    /** One line of block I/O accounting; {@code op} as Docker names it (Read, Write on v1; read, write on v2). */
    public record BlkioEntry(long major, long minor, String op, long value) {
    }
}
