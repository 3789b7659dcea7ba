package dev.berth.daemon.router.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Facts about the host that {@code /info} and {@code /version} report, read once at start. */
public record HostFacts(String kernelVersion, String operatingSystem, String osVersion, String hostname,
        int cpus, long memTotal, String architecture, String daemonId) {

    public static HostFacts read(Path dataRoot) {
        return new HostFacts(
                firstLine(Path.of("/proc/sys/kernel/osrelease"), "unknown"),
                osRelease("PRETTY_NAME", "Linux"),
                osRelease("VERSION_ID", ""),
                firstLine(Path.of("/proc/sys/kernel/hostname"), "localhost"),
                Runtime.getRuntime().availableProcessors(),
                readMemTotal(),
                goArch(System.getProperty("os.arch")),
                daemonId(dataRoot));
    }

    /** Docker names architectures as Go does. */
    static String goArch(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> javaArch;
        };
    }

    /** {@code uname -m} spelling, which {@code docker info} prints as Architecture. */
    public String unameMachine() {
        return switch (architecture) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> architecture;
        };
    }

    private static String firstLine(Path file, String fallback) {
        try {
            return Files.readAllLines(file).getFirst().trim();
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }

    private static String osRelease(String key, String fallback) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return fallback;
    }

    private static long readMemTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return 0;
    }

    /** A stable ID per data root, as dockerd keeps one in its engine-id file. */
    private static String daemonId(Path dataRoot) {
        Path file = dataRoot.resolve("engine-id");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            String id = UUID.randomUUID().toString();
            dev.berth.engine.metadata.AtomicFiles.write(file, id.getBytes());
            return id;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
