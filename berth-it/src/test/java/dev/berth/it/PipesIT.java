package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.api.client.ApiStream;
import dev.berth.api.client.AttachOptions;
import dev.berth.api.client.EngineClient;
import dev.berth.api.client.UnixSocketTransport;
import dev.berth.testkit.Commands;
import dev.berth.testkit.DockerCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run -i} without a TTY: stdin reaches the container and its EOF closes the
 * container's stdin (StdinOnce), every byte of output arrives before run returns, stdout
 * and stderr stay apart. 100 MiB of random bytes (every byte value, so also the detach keys
 * Ctrl-P Ctrl-Q, which must only count on a TTY) go through both CLIs, file to file.
 */
class PipesIT extends DaemonFixture {

    private static final int BIG = 100 * 1024 * 1024;

    @TempDir
    Path files;

    /** Pipes BIG random bytes from a file through {@code cli... run --rm -i busybox cat} into a file. */
    private void assertByteExact(List<String> cli, Map<String, String> env) throws IOException {
        Path in = files.resolve("in");
        Path out = files.resolve("out");
        if (!Files.exists(in)) {
            byte[] data = new byte[BIG];
            new Random(42).nextBytes(data);
            Files.write(in, data);
        }
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "out=$1; shift; \"$@\" run --rm -i busybox cat <\"$0\" >\"$out\"",
                in.toString(), out.toString()));
        cmd.addAll(cli);
        Commands.run(cmd, env, null, 120).assertSuccess();
        assertThat(Files.size(out)).isEqualTo(BIG);
        assertThat(Files.mismatch(in, out)).as("first differing byte").isEqualTo(-1L);
    }

    @Test
    void berthRunI_smallInputEndsAtEof() {
        var r = daemon.berthWithInput("hi\n".getBytes(StandardCharsets.UTF_8), "run", "--rm", "-i", "busybox", "cat");
        assertThat(r.assertSuccess().stdout()).isEqualTo("hi\n");
    }

    @Test
    void berthRunI_bigPipeIsByteExact() throws IOException {
        assertByteExact(List.of(Commands.java().toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.berth.cli.Main", "-H", daemon.host()),
                Map.of("BERTH_CONFIG", daemon.dataRoot().resolveSibling("berth-config").toString()));
    }

    @Test
    void berthRunI_stdoutAndStderrStayApart() {
        var r = daemon.berthWithInput("x\n".getBytes(StandardCharsets.UTF_8), "run", "--rm", "-i", "busybox", "sh", "-c",
                "cat; echo to-err >&2; echo to-out; exit 5");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.stdout()).isEqualTo("x\nto-out\n");
        assertThat(r.stderr()).isEqualTo("to-err\n");
    }

    @Test
    void berthStartAi_deliversStdin() {
        berth("create", "-i", "--name", "pipes-start", "busybox", "sh", "-c", "cat; echo end").assertSuccess();
        try {
            var r = daemon.berthWithInput("via start\n".getBytes(StandardCharsets.UTF_8), "start", "-ai", "pipes-start");
            assertThat(r.assertSuccess().stdout()).isEqualTo("via start\nend\n");
        } finally {
            berth("rm", "-f", "pipes-start");
        }
    }

    @Test
    void dockerRunI_bigPipeIsByteExact() throws IOException {
        assumeTrue(DockerCli.isInstalled(), "the docker CLI is not installed");
        assertByteExact(List.of(DockerCli.PATH, "-H", daemon.host()), Map.of("DOCKER_CLI_HINTS", "false",
                "DOCKER_CONFIG", daemon.dataRoot().resolveSibling("docker-config").toString()));
        var split = daemon.dockerWithInput(new byte[0], "run", "--rm", "-i", "busybox", "sh", "-c",
                "cat; echo e >&2; echo o");
        assertThat(split.stdout()).isEqualTo("o\n");
        assertThat(split.stderr()).isEqualTo("e\n");
    }

    @Test
    void attachToRunDi_clientEofLeavesTheContainersStdinOpen() throws IOException {
        // StdinOnce is false for run -di: only a StdinOnce attach closes stdin, as dockerd
        berth("run", "-di", "--name", "pipes-di", "busybox", "sh", "-c", "cat; echo cat-ended").assertSuccess();
        try (EngineClient client = new EngineClient(new UnixSocketTransport(daemon.socket(), daemon.host(), "it"));
                ApiStream stream = client.containers().attach("pipes-di", new AttachOptions(true, true, true, true, false, null))) {
            stream.out().write("first\n".getBytes(StandardCharsets.UTF_8));
            stream.out().flush();
            stream.closeWrite(); // the client's input ends (as echo first | docker attach)
            dev.berth.testkit.Await.until("the first line in the logs", java.time.Duration.ofSeconds(10),
                    () -> berth("logs", "pipes-di").stdout().contains("first"));
            assertThat(berth("inspect", "-f", "{{.State.Running}}", "pipes-di").out()).isEqualTo("true");
            assertThat(berth("logs", "pipes-di").stdout()).doesNotContain("cat-ended");
        } finally {
            berth("rm", "-f", "pipes-di");
        }
    }
}
