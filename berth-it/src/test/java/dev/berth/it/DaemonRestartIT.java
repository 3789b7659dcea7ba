package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.Berthd;
import dev.berth.testkit.Tmux;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What survives a daemon restart: a clean SIGTERM and a SIGKILL with containers running; a
 * client attached to a {@code run -it} gets its terminal back when the daemon dies.
 */
class DaemonRestartIT {

    private Berthd daemon;

    @BeforeEach
    void start() {
        daemon = Berthd.start("runc");
        daemon.berth("image", "bootstrap", "busybox").assertSuccess();
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void sigterm_stopsRunningContainersAndKeepsEverything() {
        var running = daemon.berth("run", "-d", "--name", "runner", "--stop-timeout", "1", "busybox", "sleep", "1000").assertSuccess().out();
        daemon.berth("create", "--name", "idle", "busybox", "true").assertSuccess();
        long pid = Long.parseLong(daemon.berth("inspect", "-f", "{{.State.Pid}}", running).out());

        assertThat(daemon.stop()).isZero();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(daemon.logText()).contains("shutting down");

        daemon.start();
        assertThat(daemon.berth("inspect", "-f", "{{.State.Status}}", "runner").out()).isEqualTo("exited");
        assertThat(daemon.berth("inspect", "-f", "{{.State.Status}}", "idle").out()).isEqualTo("created");
        assertThat(daemon.berth("images", "--format", "{{.Repository}}:{{.Tag}}").out()).contains("busybox:latest");
        daemon.berth("start", "runner").assertSuccess();
        assertThat(daemon.berth("inspect", "-f", "{{.State.Running}}", "runner").out()).isEqualTo("true");
        daemon.berth("rm", "-f", "runner", "idle").assertSuccess();
    }

    @Test
    void sigkill_leavesContainersRunningAndTheNewDaemonAdoptsThem() {
        var survivor = daemon.berth("run", "-d", "--name", "survivor", "busybox", "sleep", "1000").assertSuccess().out();
        var victim = daemon.berth("run", "-d", "--name", "victim", "busybox", "sleep", "1000").assertSuccess().out();
        long victimPid = Long.parseLong(daemon.berth("inspect", "-f", "{{.State.Pid}}", victim).out());

        daemon.crash();
        // While the daemon is down, one container dies.
        ProcessHandle.of(victimPid).ifPresent(ProcessHandle::destroyForcibly);
        Await.until("the victim to die", Duration.ofSeconds(10),
                () -> ProcessHandle.of(victimPid).map(p -> !p.isAlive()).orElse(true));

        daemon.start();
        assertThat(daemon.berth("inspect", "-f", "{{.State.Status}}", "survivor").out()).isEqualTo("running");
        Await.until("the victim to show as exited", Duration.ofSeconds(10),
                () -> daemon.berth("inspect", "-f", "{{.State.Status}}", "victim").out().equals("exited"));
        assertThat(daemon.berth("inspect", "-f", "{{.State.ExitCode}}", "victim").out()).isEqualTo("137");

        daemon.berth("stop", "-t", "1", "survivor").assertSuccess();
        assertThat(daemon.berth("inspect", "-f", "{{.State.Status}}", "survivor").out()).isEqualTo("exited");
        daemon.berth("rm", survivor, victim).assertSuccess();
        assertThat(daemon.berth("ps", "-a", "-q").out()).isEmpty();
        assertThat(List.of(daemon.logText())).isNotEmpty();
    }

    @Test
    void theDaemonDyingUnderAnAttachedRunIt_givesTheTerminalBackInCookedMode() {
        try (Tmux t = Tmux.start(100, 30, daemon.berthCommandLine("run", "-it", "--name", "orphan", "busybox", "sh")
                + "; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e '-\\{0,1\\}icanon' -e '-\\{0,1\\}echo'")) {
            t.await("^/ #");
            t.sendLine("echo attached-$((6*7))");
            t.await("^attached-42$");
            daemon.crash();
            t.await("^EXIT=\\d+$");
            t.await("^icanon$");
            t.await("^echo$");
            t.sendLine("typed-after");   // the local shell echoes it again
            t.await("typed-after");
        }
        daemon.start();
        daemon.berth("rm", "-f", "orphan").assertSuccess();
    }
}
