package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Docker daemon for tests that check berth's clients against the real thing: its own
 * socket, data root and exec root under a temp dir, no iptables rules and no docker0 bridge (as
 * bench/lib.sh starts it), so it leaves the host's and berthd's networking alone. {@link #close()}
 * stops it by PID and removes what it left (mounts, its roots).
 */
public final class Dockerd implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/dockerd");

    private final Path base;
    private final Process process;

    private Dockerd(Path base, Process process) {
        this.base = base;
        this.process = process;
    }

    /** Whether docker.io's daemon is installed on this machine. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts dockerd on fresh temp roots and waits until it answers. */
    public static Dockerd start() {
        try {
            Path base = Files.createTempDirectory(Path.of("/tmp"), "berth-it-dockerd-");
            Process p = new ProcessBuilder(BINARY.toString(), "--data-root", base.resolve("data").toString(),
                    "--exec-root", base.resolve("exec").toString(), "-H", "unix://" + base.resolve("docker.sock"),
                    "--pidfile", base.resolve("dockerd.pid").toString(), "--iptables=false", "--ip6tables=false",
                    "--bridge=none")
                    .redirectErrorStream(true)
                    .redirectOutput(base.resolve("dockerd.log").toFile())
                    .start();
            Dockerd d = new Dockerd(base, p);
            try {
                Await.until("dockerd to answer", Duration.ofSeconds(60), () -> {
                    if (!p.isAlive()) {
                        throw new AssertionError("dockerd exited with " + p.exitValue() + ":\n" + d.logText());
                    }
                    return d.answers();
                });
            } catch (RuntimeException | AssertionError e) {
                d.close();
                throw e;
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "unix://" + base.resolve("docker.sock");
    }

    /** The official docker CLI against this daemon. */
    public CommandResult docker(byte[] stdin, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(DockerCli.PATH, "-H", host()));
        cmd.addAll(List.of(args));
        return Commands.run(cmd, Map.of("DOCKER_CONFIG", base.resolve("docker-config").toString(),
                "DOCKER_CLI_HINTS", "false"), stdin, 120);
    }

    public String logText() {
        try {
            Path log = base.resolve("dockerd.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private boolean answers() {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(base.resolve("docker.sock")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM (its containerd goes with it), then unmounts and deletes what it left. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Mounts.unmountAll(Mounts.under(base));
        Commands.run(List.of("rm", "-rf", base.toString()), Map.of(), null, 60);
    }
}
