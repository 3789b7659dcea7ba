package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.DockerCli;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code run -i} without a TTY: stdin reaches the container and its EOF closes the
 * container's stdin (StdinOnce), every byte of output arrives before run returns, stdout
 * and stderr stay apart. 20 MB keeps the build fast; the note has the 100 MB numbers.
 */
class PipesIT extends DaemonFixture {

    private static final int BIG = 20 * 1024 * 1024;

    /** Printable lines (the fixture reads output as text), different on every line. */
    private static byte[] text(int size) {
        Random random = new Random(42);
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (i % 100 == 99) ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
        }
        return data;
    }

    @Test
    void berthRunI_smallInputEndsAtEof() {
        var r = daemon.berthWithInput("hi\n".getBytes(StandardCharsets.UTF_8), "run", "--rm", "-i", "busybox", "cat");
        assertThat(r.assertSuccess().stdout()).isEqualTo("hi\n");
    }

    @Test
    void berthRunI_bigPipeIsByteExact() {
        byte[] data = text(BIG);
        var r = daemon.berthWithInput(data, "run", "--rm", "-i", "busybox", "cat");
        assertThat(r.assertSuccess().stdout().length()).isEqualTo(BIG);
        assertThat(r.stdout()).isEqualTo(new String(data, StandardCharsets.US_ASCII));
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
    void dockerRunI_bigPipeIsByteExact() {
        assumeTrue(DockerCli.isInstalled(), "the docker CLI is not installed");
        byte[] data = text(BIG);
        var r = daemon.dockerWithInput(data, "run", "--rm", "-i", "busybox", "cat");
        assertThat(r.assertSuccess().stdout()).isEqualTo(new String(data, StandardCharsets.US_ASCII));
        var split = daemon.dockerWithInput(new byte[0], "run", "--rm", "-i", "busybox", "sh", "-c",
                "cat; echo e >&2; echo o");
        assertThat(split.stdout()).isEqualTo("o\n");
        assertThat(split.stderr()).isEqualTo("e\n");
    }
}
