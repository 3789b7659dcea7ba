package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real berthd in its own process, on a temporary socket, data root and exec root, with the
 * runtime the test asks for. {@link #close()} stops it with SIGTERM (as a user would), waits,
 * then removes what it left; {@link #crash()} kills it with SIGKILL to test recovery, and
 * {@link #start()} brings it back on the same roots.
 *
 * <p>The daemon runs from the test's own class path, so it is the code under test.
 */
public final class Berthd implements AutoCloseable {

    private final Path base;
    private final String runtime;
    private final String bridge;
    private Process process;

    private Berthd(Path base, String runtime) {
        this.base = base;
        this.runtime = runtime;
        // Its own default bridge: daemons of parallel tests (and a developer's berthd) must not share berth0.
        this.bridge = "bt" + java.util.HexFormat.of().toHexDigits(new java.security.SecureRandom().nextInt()).substring(2);
    }

    /** Starts a daemon with {@code runtime} ("runc" or "crun") on fresh temporary roots. */
    public static Berthd start(String runtime) {
        try {
            Path base = Files.createTempDirectory(Path.of("/tmp"), "berth-it-");
            Berthd d = new Berthd(base, runtime);
            d.start();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path socket() {
        return base.resolve("berth.sock");
    }

    public String host() {
        return "unix://" + socket();
    }

    public Path dataRoot() {
        return base.resolve("data");
    }

    public Path execRoot() {
        return base.resolve("exec");
    }

    public Path log() {
        return base.resolve("berthd.log");
    }

    /** The Linux bridge of this daemon's default {@code bridge} network ({@code --bridge}). */
    public String bridge() {
        return bridge;
    }

    public long pid() {
        return process.pid();
    }

    /** (Re)starts the daemon on this fixture's roots and waits until it answers. */
    public void start() {
        List<String> cmd = new ArrayList<>(List.of(Commands.java().toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xms4m", "-Xmx256m", // as scripts/lib.sh runs berthd
                "-cp", System.getProperty("java.class.path"), "dev.berth.daemon.Main",
                "--data-root", dataRoot().toString(), "--exec-root", execRoot().toString(),
                "-H", host(), "--pidfile", base.resolve("berthd.pid").toString(),
                "--log-level", "debug", "--bridge", bridge));
        if (runtime != null) {
            cmd.addAll(List.of("--runtime", runtime));
        }
        try {
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("berthd to answer on " + socket(), Duration.ofSeconds(30), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("berthd exited with " + process.exitValue() + ":\n" + logText());
            }
            return answers();
        });
    }

    private boolean answers() {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL, as a crash would: no shutdown code runs. */
    public void crash() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM and wait for a clean exit; returns the exit code. */
    public int stop() {
        process.destroy();
        return waitForExit();
    }

    private int waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The berth CLI against this daemon as one shell command line (for a {@link Tmux}). */
    public String berthCommandLine(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Commands.java().toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.berth.cli.Main", "-H", host()));
        cmd.addAll(List.of(args));
        return String.join(" ", cmd.stream().map(Tmux::quote).toList());
    }

    /** Runs the berth CLI against this daemon. */
    public CommandResult berth(String... args) {
        return berthWithInput(null, args);
    }

    public CommandResult berthWithInput(byte[] stdin, String... args) {
        return berthOn(host(), stdin, args);
    }

    /** Runs the berth CLI against another daemon ({@code -H host}), e.g. a private dockerd. */
    public CommandResult berthOn(String daemonHost, byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Commands.java().toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.berth.cli.Main", "-H", daemonHost));
        cmd.addAll(Arrays.asList(args));
        // credentials from login stay with this daemon's roots, never in the user's ~/.berth
        return Commands.run(cmd, Map.of("BERTH_CONFIG", base.resolve("berth-config").toString()), stdin, 120);
    }

    /** A shell command line that runs the berth CLI against this daemon with its config (for a {@link Tmux}). */
    public String berthShellCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of("BERTH_CONFIG=" + base.resolve("berth-config"),
                Commands.java().toString(), "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.berth.cli.Main", "-H", host()));
        cmd.addAll(Arrays.asList(args));
        return String.join(" ", cmd.stream().map(w -> w.startsWith("BERTH_CONFIG=") ? w : Tmux.quote(w)).toList());
    }

    /** Runs the official docker CLI (client only) against this daemon. */
    public CommandResult docker(String... args) {
        return dockerWithInput(null, args);
    }

    /** The docker CLI with extra environment (e.g. DOCKER_BUILDKIT=0 for the classic builder). */
    public CommandResult dockerWithEnv(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(DockerCli.PATH, "-H", host()));
        cmd.addAll(Arrays.asList(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("DOCKER_CONFIG", base.resolve("docker-config").toString());
        all.put("DOCKER_CLI_HINTS", "false");
        return Commands.run(cmd, all, null, 120);
    }

    public CommandResult dockerWithInput(byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(DockerCli.PATH, "-H", host()));
        cmd.addAll(Arrays.asList(args));
        return Commands.run(cmd, Map.of("DOCKER_CONFIG", base.resolve("docker-config").toString(),
                "DOCKER_CLI_HINTS", "false"), stdin, 120);
    }

    public String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the daemon and removes its roots; fails when it left mounts behind. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
        List<String> leftovers = Mounts.under(base);
        Mounts.unmountAll(leftovers);
        try {
            Files.deleteIfExists(socket());
            Commands.run(List.of("rm", "-rf", base.toString()), Map.of(), null, 60);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!leftovers.isEmpty()) {
            throw new AssertionError("berthd left mounts behind: " + leftovers);
        }
        if (Files.exists(Path.of("/sys/class/net", bridge))) {
            Commands.run(List.of("ip", "link", "del", "dev", bridge), Map.of(), null, 10);
            throw new AssertionError("berthd left its bridge " + bridge + " behind");
        }
    }
}
