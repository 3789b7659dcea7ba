package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.DockerCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official docker CLI (client only) against berthd: the commands people type every day. */
class DockerCliIT extends DaemonFixture {

    @TempDir
    Path tmp;

    @BeforeAll
    void requireDockerCli() {
        assumeTrue(DockerCli.isInstalled(), "the docker CLI is not installed at " + DockerCli.PATH);
    }

    @Test
    void version_showsBothSides() {
        var r = docker("version").assertSuccess();
        assertThat(r.stdout()).contains("Client:").contains("Server: berth").contains("API version:      1.50");
    }

    @Test
    void info_showsTheEngine() {
        var r = docker("info").assertSuccess();
        assertThat(r.stdout()).contains("Server Version: 0.1.0").contains("Logging Driver: json-file");
    }

    @Test
    void runRm_printsOutput() {
        var r = docker("run", "--rm", "busybox", "echo", "hello from docker");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("hello from docker\n");
        assertThat(docker("ps", "-a", "-q").out()).isEmpty();
    }

    @Test
    void run_returnsExitCodes() {
        assertThat(docker("run", "--rm", "busybox", "sh", "-c", "exit 42").exitCode()).isEqualTo(42);
        assertThat(docker("run", "--rm", "busybox", "no-such-command").exitCode()).isEqualTo(127);
    }

    @Test
    void runDetached_psLogsStopRm() {
        var id = docker("run", "-d", "--name", "dcli", "busybox", "sh", "-c", "echo ready; sleep 1000")
                .assertSuccess().out();
        assertThat(id).matches("[0-9a-f]{64}");
        var ps = docker("ps", "-a").assertSuccess().stdout();
        assertThat(ps).contains("dcli").contains(id.substring(0, 12)).contains("Up ");
        dev.berth.testkit.Await.until("output in the log", java.time.Duration.ofSeconds(10),
                () -> docker("logs", "dcli").stdout().equals("ready\n"));
        assertThat(docker("stop", "-t", "1", "dcli").assertSuccess().out()).isEqualTo("dcli");
        assertThat(docker("ps", "-a", "--format", "{{.Status}}", "--filter", "name=dcli").out()).startsWith("Exited (");
        assertThat(docker("rm", "dcli").assertSuccess().out()).isEqualTo("dcli");
    }

    @Test
    void inspect_andImages() {
        var images = docker("images").assertSuccess().stdout();
        assertThat(images).contains("busybox").contains("latest");
        var inspect = docker("inspect", "-f", "{{.Config.Cmd}}", "busybox").assertSuccess();
        assertThat(inspect.out()).isEqualTo("[sh]");
        var missing = docker("inspect", "nothing-here");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("No such object: nothing-here");
    }

    @Test
    void import_saveAndLoad() throws Exception {
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        Files.writeString(rootfs.resolve("hello.txt"), "hi\n");
        Path tar = tmp.resolve("rootfs.tar");
        new ProcessBuilder("tar", "-C", rootfs.toString(), "-cf", tar.toString(), ".").start().waitFor();
        var imported = docker("import", tar.toString(), "imported:v1").assertSuccess().out();
        assertThat(imported).startsWith("sha256:");
        Path saved = tmp.resolve("saved.tar");
        docker("save", "-o", saved.toString(), "imported:v1").assertSuccess();
        docker("rmi", "imported:v1").assertSuccess();
        var loaded = docker("load", "-i", saved.toString()).assertSuccess();
        assertThat(loaded.stdout()).contains("Loaded image: imported:v1");
        assertThat(docker("inspect", "-f", "{{.Id}}", "imported:v1").out()).isEqualTo(imported);
        docker("rmi", "imported:v1").assertSuccess();
    }
}
