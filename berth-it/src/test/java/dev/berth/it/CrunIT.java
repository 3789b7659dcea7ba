package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

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
}
