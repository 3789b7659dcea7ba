package dev.berth.engine.runtime.spec;

import java.util.List;

/**
 * Docker's defaults for a non-privileged container, as moby's daemon/pkg/oci/defaults.go
 * and caps/defaults.go set them (read 2026-05, moby b985e23).
 */
public final class RuntimeDefaults {

    /** The default capability set; CapEff of the container's init is 00000000a80425fb. */
    public static final List<String> CAPABILITIES = List.of(
            "CAP_CHOWN",
            "CAP_DAC_OVERRIDE",
            "CAP_FSETID",
            "CAP_FOWNER",
            "CAP_MKNOD",
            "CAP_NET_RAW",
            "CAP_SETGID",
            "CAP_SETUID",
            "CAP_SETFCAP",
            "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE",
            "CAP_SYS_CHROOT",
            "CAP_KILL",
            "CAP_AUDIT_WRITE");

    /**
     * Paths hidden from the container (a read-only empty file or tmpfs over them). Docker
     * also masks /sys/devices/system/cpu/cpuN/thermal_throttle where present: see
     * {@link #maskedPaths(List)}.
     */
    public static final List<String> MASKED_PATHS = List.of(
            "/proc/acpi",
            "/proc/asound",
            "/proc/interrupts",
            "/proc/kcore",
            "/proc/keys",
            "/proc/latency_stats",
            "/proc/sched_debug",
            "/proc/scsi",
            "/proc/timer_list",
            "/proc/timer_stats",
            "/sys/devices/virtual/powercap",
            "/sys/firmware");

    public static final List<String> READONLY_PATHS = List.of(
            "/proc/bus",
            "/proc/fs",
            "/proc/irq",
            "/proc/sys",
            "/proc/sysrq-trigger");

    /** The default size of /dev/shm (HostConfig.ShmSize 0 means this). */
    public static final long SHM_SIZE_BYTES = 64L * 1024 * 1024;

    public static final String DEFAULT_PATH_ENV =
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /**
     * Device cgroup rules: deny all, then allow the devices every container gets (null,
     * zero, full, random, urandom, tty, console, ptmx... by major:minor), then deny fuse
     * (10:229) explicitly. Each row is {allow, type, major, minor}; -1 means any.
     */
    record DeviceRule(boolean allow, String type, long major, long minor) {
    }

    static final List<DeviceRule> DEVICE_RULES = List.of(
            new DeviceRule(false, "a", -1, -1),
            new DeviceRule(true, "c", 1, 5),
            new DeviceRule(true, "c", 1, 3),
            new DeviceRule(true, "c", 1, 9),
            new DeviceRule(true, "c", 1, 8),
            new DeviceRule(true, "c", 5, 0),
            new DeviceRule(true, "c", 5, 1),
            new DeviceRule(false, "c", 10, 229));

    private RuntimeDefaults() {
    }

    /** {@link #MASKED_PATHS} plus the thermal_throttle directory of each host CPU present. */
    public static List<String> maskedPaths(List<String> thermalThrottlePaths) {
        return java.util.stream.Stream.concat(MASKED_PATHS.stream(), thermalThrottlePaths.stream()).toList();
    }
}
