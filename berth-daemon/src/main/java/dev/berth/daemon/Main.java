package dev.berth.daemon;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth daemon}: berthd in the foreground, with dockerd's flag names. */
@Command(name = "berthd", mixinStandardHelpOptions = true, version = "berthd " + BerthVersion.VERSION,
        description = "The berth daemon: serves the Docker Engine API on a Unix socket.")
public final class Main implements Callable<Integer> {

    @Option(names = "--data-root", description = "Root of persistent state (default: ${DEFAULT-VALUE})")
    Path dataRoot = DaemonConfig.DEFAULT_DATA_ROOT;

    @Option(names = "--exec-root", description = "Root of runtime state: mounts, bundles (default: ${DEFAULT-VALUE})")
    Path execRoot = DaemonConfig.DEFAULT_EXEC_ROOT;

    @Option(names = {"-H", "--host"}, description = "Socket to listen on (default: ${DEFAULT-VALUE})")
    String host = DaemonConfig.DEFAULT_HOST;

    @Option(names = {"-p", "--pidfile"}, description = "Where to write the daemon's PID")
    Path pidFile;

    @Option(names = "--runtime", description = "OCI runtime: crun or runc (default: crun where it works here)")
    String runtime;

    @Option(names = {"-l", "--log-level"}, description = "debug, info, warn, error (default: ${DEFAULT-VALUE})")
    String logLevel = "info";

    @Option(names = "--insecure-registry", description = "Registry reached over plain HTTP (repeatable)")
    java.util.List<String> insecureRegistries = new java.util.ArrayList<>();

    @Option(names = "--registry-mirror", description = "Mirror tried before Docker Hub for pulls (repeatable)")
    java.util.List<String> registryMirrors = new java.util.ArrayList<>();

    @Option(names = {"-b", "--bridge"}, description = "Linux bridge of the default network (default: berth0, or as the last start set it)")
    String bridge;

    @Option(names = "--bip", description = "Address and prefix of the default bridge, e.g. 10.99.0.1/24")
    String bip;

    @Option(names = "--default-address-pool", description = "Subnets for new networks: base=CIDR,size=N (repeatable)")
    java.util.List<String> addressPools = new java.util.ArrayList<>();

    @Option(names = "--dns", description = "DNS server of containers: where the embedded DNS server forwards other names (repeatable; default: the host's)")
    java.util.List<String> dns = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Logging.configure(logLevel);
        DaemonConfig config = new DaemonConfig(dataRoot.toAbsolutePath(), execRoot.toAbsolutePath(),
                DaemonConfig.socketOf(host), pidFile, runtime, logLevel, insecureRegistries, registryMirrors,
                dev.berth.engine.networks.NetworkDefaults.of(bridge, bip, addressPools, dns));
        try (Daemon daemon = Daemon.start(config)) {
            StopSignals.onTermOrInt(daemon::requestShutdown);
            daemon.awaitShutdown();
        }
        return 0;
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("berthd: " + e.getMessage());
            return 1;
        }).execute(args);
        System.exit(code);
    }
}
