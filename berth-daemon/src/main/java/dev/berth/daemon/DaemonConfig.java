package dev.berth.daemon;

import dev.berth.engine.networks.NetworkDefaults;
import java.nio.file.Path;

/**
 * berthd's settings, with dockerd's flag names.
 *
 * @param dataRoot  what must survive a reboot: images, layers, containers, volumes
 * @param execRoot  what may vanish on reboot: mounts, bundles, runtime state
 * @param socket    the Unix socket the Engine API is served on
 * @param pidFile   where the daemon's PID is written, or null
 * @param runtime   "crun", "runc", or null to choose the best that works on this host
 * @param insecureRegistries registries reached over plain HTTP besides loopback ones ({@code --insecure-registry})
 * @param registryMirrors    mirrors tried before Docker Hub ({@code --registry-mirror})
 * @param networks           {@code --bridge}, {@code --bip}, {@code --default-address-pool}
 */
public record DaemonConfig(Path dataRoot, Path execRoot, Path socket, Path pidFile, String runtime,
        String logLevel, java.util.List<String> insecureRegistries, java.util.List<String> registryMirrors,
        NetworkDefaults networks) {

    public DaemonConfig {
        insecureRegistries = insecureRegistries == null ? java.util.List.of() : java.util.List.copyOf(insecureRegistries);
        registryMirrors = registryMirrors == null ? java.util.List.of() : java.util.List.copyOf(registryMirrors);
        networks = networks == null ? NetworkDefaults.standard() : networks;
    }

    public DaemonConfig(Path dataRoot, Path execRoot, Path socket, Path pidFile, String runtime, String logLevel) {
        this(dataRoot, execRoot, socket, pidFile, runtime, logLevel, null, null, null);
    }

    public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/berth");
    public static final Path DEFAULT_EXEC_ROOT = Path.of("/run/berth");
    public static final String DEFAULT_HOST = "unix:///run/berth.sock";

    /** The socket path of a {@code unix://} host; other schemes are refused. */
    public static Path socketOf(String host) {
        if (host.startsWith("unix://")) {
            return Path.of(host.substring("unix://".length()));
        }
        if (host.startsWith("/")) {
            return Path.of(host);
        }
        throw new IllegalArgumentException("unsupported host " + host + ": berthd listens on unix:///path only");
    }
}
