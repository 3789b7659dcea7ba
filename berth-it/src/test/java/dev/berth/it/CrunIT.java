package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same core path on crun, the default runtime where the host allows it. */
class CrunIT extends DaemonFixture {

    @Override
    protected String runtime() {
        return "crun";
    }

    @Test
    void runRm_worksOnCrun() {
        var r = berth("run", "--rm", "busybox", "sh", "-c", "echo on crun; exit 5");
        assertThat(r.stdout()).isEqualTo("on crun\n");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(berth("info", "--format", "{{.DefaultRuntime}}").out()).isEqualTo("crun");
    }

    @Test
    void stopAndRemove_onCrun() {
        // sleep as PID 1 ignores SIGTERM (no handler), so stop ends with SIGKILL after the timeout
        var id = berth("run", "-d", "busybox", "sleep", "1000").assertSuccess().out();
        berth("stop", "-t", "1", id).assertSuccess();
        assertThat(berth("inspect", "-f", "{{.State.ExitCode}}", id).out()).isEqualTo("137");
        berth("rm", id).assertSuccess();
    }

    @Test
    void pauseUnpauseAndTop_onCrun() {
        berth("run", "-d", "--name", "cfrozen", "busybox", "sh", "-c",
                "i=0; while true; do i=$((i+1)); echo $i; sleep 0.05; done").assertSuccess();
        Await.until("the counter to run", Duration.ofSeconds(20), () -> lines("cfrozen") > 2);
        berth("pause", "cfrozen").assertSuccess();
        assertThat(berth("inspect", "-f", "{{.State.Status}} {{.State.Paused}}", "cfrozen").out()).isEqualTo("paused true");
        int frozenAt = lines("cfrozen");
        // top works on a frozen container: it only reads the cgroup's pids
        String top = berth("top", "cfrozen").assertSuccess().out();
        assertThat(top.lines().findFirst().orElseThrow()).startsWith("UID").endsWith("CMD");
        assertThat(top).contains("sh -c i=0;");
        assertThat(lines("cfrozen")).isEqualTo(frozenAt);

        berth("unpause", "cfrozen").assertSuccess();
        Await.until("the counter to go on", Duration.ofSeconds(20), () -> lines("cfrozen") > frozenAt + 3);
        assertThat(berth("top", "cfrozen", "-o", "pid,comm").assertSuccess().out().lines().skip(1))
                .anyMatch(l -> l.strip().matches("\\d+\\s+sh"));
        berth("rm", "-f", "cfrozen").assertSuccess();
    }

    private int lines(String container) {
        return (int) docker("logs", container).assertSuccess().out().lines().count();
    }
}
