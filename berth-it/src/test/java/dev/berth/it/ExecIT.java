package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.api.client.EngineClient;
import dev.berth.api.client.UnixSocketTransport;
import dev.berth.api.types.exec.ExecCreateRequest;
import dev.berth.testkit.Await;
import dev.berth.testkit.DockerCli;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code exec} with the berth CLI and the official docker CLI: output, exit codes, -u, -w, -e, -i, -d. */
class ExecIT extends DaemonFixture {

    private static final String C = "exec-target";

    @BeforeAll
    void startTarget() {
        berth("run", "-d", "--name", C, "-e", "FROM_RUN=1", "busybox", "sleep", "1000").assertSuccess();
    }

    @AfterAll
    void removeTarget() {
        berth("rm", "-f", C, "exec-stopped", "exec-freed");
    }

    @Test
    void removingAContainerFreesItsExecInstances() throws Exception {
        berth("run", "-d", "--name", "exec-freed", "busybox", "sleep", "100").assertSuccess();
        try (EngineClient client = new EngineClient(new UnixSocketTransport(daemon.socket(), daemon.host(), "it"))) {
            String exec = client.execs().create("exec-freed", new ExecCreateRequest(null, false, true, null, false, true,
                    true, null, List.of(), null, List.of("true")));
            assertThat(client.execs().inspect(exec).id()).isEqualTo(exec);
            berth("rm", "-f", "exec-freed").assertSuccess();
            // dropped as the container's exit is recorded, which rm -f awaited
            Await.until("the exec instance to be dropped", Duration.ofSeconds(5), () -> {
                try {
                    client.execs().inspect(exec);
                    return false;
                } catch (java.io.IOException e) {
                    assertThat(e).hasMessageContaining("No such exec instance");
                    return true;
                }
            });
        }
    }

    @Test
    void berthExec_printsOutputAndReturnsExitCodes() {
        assertThat(berth("exec", C, "echo", "hi").assertSuccess().stdout()).isEqualTo("hi\n");
        var r = berth("exec", C, "sh", "-c", "echo out; echo err >&2; exit 42");
        assertThat(r.exitCode()).isEqualTo(42);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
    }

    @Test
    void berthExec_userWorkdirEnv() {
        var r = berth("exec", "-u", "nobody", "-w", "/tmp", "-e", "A=b", C, "sh", "-c", "id -u; pwd; echo $A $FROM_RUN $HOME")
                .assertSuccess();
        assertThat(r.stdout()).isEqualTo("65534\n/tmp\nb 1 /home\n");
    }

    @Test
    void berthExec_stdinToEof() {
        byte[] input = "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8);
        var r = daemon.berthWithInput(input, "exec", "-i", C, "sh", "-c", "cat; echo done");
        assertThat(r.assertSuccess().stdout()).isEqualTo("line 1\nline 2\ndone\n");
    }

    @Test
    void berthExec_detached() {
        berth("exec", "-d", C, "sh", "-c", "echo detached > /tmp/d").assertSuccess();
        Await.until("the detached exec to write", Duration.ofSeconds(10),
                () -> berth("exec", C, "cat", "/tmp/d").stdout().equals("detached\n"));
    }

    @Test
    void berthExec_failures() {
        var missing = berth("exec", C, "no-such-command");
        assertThat(missing.exitCode()).isEqualTo(127);
        assertThat(missing.stdout()).contains("executable file not found in $PATH");
        var noContainer = berth("exec", "no-such-container", "true");
        assertThat(noContainer.exitCode()).isEqualTo(1);
        assertThat(noContainer.stderr()).contains("No such container: no-such-container");
        berth("create", "--name", "exec-stopped", "busybox", "true").assertSuccess();
        var stopped = berth("exec", "exec-stopped", "true");
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.stderr()).contains("is not running");
    }

    @Test
    void berthExec_privilegedGetsMoreCapabilities() {
        String plain = berth("exec", C, "grep", "CapEff", "/proc/self/status").assertSuccess().out();
        String privileged = berth("exec", "--privileged", C, "grep", "CapEff", "/proc/self/status").assertSuccess().out();
        assertThat(plain).endsWith("00000000a80425fb");
        assertThat(privileged).isNotEqualTo(plain);
    }

    @Test
    void dockerExec_sameAnswers() {
        assumeTrue(DockerCli.isInstalled(), "the docker CLI is not installed");
        assertThat(docker("exec", C, "echo", "hi").assertSuccess().stdout()).isEqualTo("hi\n");
        assertThat(docker("exec", C, "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
        assertThat(docker("exec", "-u", "nobody", "-w", "/tmp", "-e", "A=b", C, "sh", "-c", "id -u; pwd; echo $A")
                .assertSuccess().stdout()).isEqualTo("65534\n/tmp\nb\n");
        var r = daemon.dockerWithInput("hello\n".getBytes(StandardCharsets.UTF_8), "exec", "-i", C, "cat");
        assertThat(r.assertSuccess().stdout()).isEqualTo("hello\n");
        assertThat(docker("exec", C, "no-such-command").exitCode()).isEqualTo(127);
        docker("exec", "-d", C, "sh", "-c", "echo d > /tmp/dd").assertSuccess();
        Await.until("the detached exec to write", Duration.ofSeconds(10),
                () -> docker("exec", C, "cat", "/tmp/dd").stdout().equals("d\n"));
    }
}
