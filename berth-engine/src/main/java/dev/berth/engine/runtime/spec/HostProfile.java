package dev.berth.engine.runtime.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the generated spec depends on in the host: the architecture (seccomp), the kernel
 * version (seccomp's minKernel), the CPUs whose thermal_throttle Docker masks, and the
 * sysctls it may set. Read once with {@link #current()}; tests build their own.
 *
 * @param goArch           the architecture in Go's words ("amd64", "arm64"), as the
 *                         seccomp profile's arch filters use
 * @param kernelMajor      e.g. 6 for 6.1.0
 * @param kernelMinor      e.g. 1 for 6.1.0
 * @param thermalThrottles existing /sys/devices/system/cpu/cpuN/thermal_throttle paths
 * @param netSysctls       whether net.ipv4.ping_group_range and ip_unprivileged_port_start exist
 */
public record HostProfile(String goArch, int kernelMajor, int kernelMinor,
                          List<String> thermalThrottles, boolean netSysctls) {

    public HostProfile {
        thermalThrottles = List.copyOf(thermalThrottles);
    }

    public static HostProfile current() {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "s390x" -> "s390x";
            case "ppc64le" -> "ppc64le";
            case "riscv64" -> "riscv64";
            default -> System.getProperty("os.arch");
        };
        int major = 0;
        int minor = 0;
        try {
            String[] v = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip().split("[.-]");
            major = Integer.parseInt(v[0]);
            minor = Integer.parseInt(v[1]);
        } catch (IOException | RuntimeException e) {
            // Unknown kernel: minKernel rules then drop the newer syscalls, the safe side.
        }
        List<String> throttles = new ArrayList<>();
        for (int cpu = 0; cpu < Runtime.getRuntime().availableProcessors() * 4 && cpu < 4096; cpu++) {
            Path p = Path.of("/sys/devices/system/cpu/cpu" + cpu + "/thermal_throttle");
            if (Files.exists(p)) {
                throttles.add(p.toString());
            }
        }
        boolean sysctls = Files.exists(Path.of("/proc/sys/net/ipv4/ping_group_range"))
                && Files.exists(Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start"));
        return new HostProfile(arch, major, minor, throttles, sysctls);
    }

    boolean kernelAtLeast(int major, int minor) {
        return kernelMajor > major || (kernelMajor == major && kernelMinor >= minor);
    }
}
