package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.Berthd;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Restart policies as dockerd applies them: after exits, after stops, and when berthd starts. */
class RestartPolicyIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

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

    private String inspect(String container, String template) {
        return daemon.berth("inspect", "-f", template, container).assertSuccess().out();
    }

    private int restartCount(String container) {
        return Integer.parseInt(inspect(container, "{{.RestartCount}}"));
    }

    @Test
    void onFailure_restartsAFailingContainerUpToItsLimit() {
        daemon.berth("run", "-d", "--name", "failing", "--restart", "on-failure:2", "busybox", "sh", "-c", "exit 3")
                .assertSuccess();
        Await.until("two restarts and a final exit", DEADLINE, () -> restartCount("failing") == 2
                && inspect("failing", "{{.State.Status}}").equals("exited"));
        assertThat(inspect("failing", "{{.State.ExitCode}}")).isEqualTo("3");
        assertThat(inspect("failing", "{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}"))
                .isEqualTo("on-failure:2");
        // Each run logged its line: the original plus two restarts.
        daemon.berth("run", "-d", "--name", "counting", "--restart", "on-failure:2", "busybox", "sh", "-c",
                "echo run; exit 1").assertSuccess();
        Await.until("the counting container to give up", DEADLINE, () -> restartCount("counting") == 2
                && inspect("counting", "{{.State.Status}}").equals("exited"));
        assertThat(daemon.berth("logs", "counting").assertSuccess().out().lines()).containsExactly("run", "run", "run");
    }

    @Test
    void onFailure_leavesACleanExitAlone_andNoPolicyNeverRestarts() {
        daemon.berth("run", "--name", "clean", "--restart", "on-failure", "busybox", "true").assertSuccess();
        daemon.berth("run", "--name", "plain", "busybox", "sh", "-c", "exit 1");
        assertThat(inspect("clean", "{{.State.Status}} {{.RestartCount}}")).isEqualTo("exited 0");
        assertThat(inspect("plain", "{{.State.Status}} {{.RestartCount}}")).isEqualTo("exited 0");
    }

    @Test
    void always_restartsAfterCleanExits_andAManualStopEndsTheLoop() {
        daemon.berth("run", "-d", "--name", "looping", "--restart", "always", "busybox", "true").assertSuccess();
        Await.until("three restarts", DEADLINE, () -> restartCount("looping") >= 3);
        daemon.berth("stop", "-t", "1", "looping").assertSuccess();
        assertThat(inspect("looping", "{{.State.Status}}")).isEqualTo("exited");
        int count = restartCount("looping");
        // A started container restarting once more would first show running or restarting.
        daemon.berth("run", "--rm", "busybox", "true").assertSuccess();
        assertThat(inspect("looping", "{{.State.Status}}")).isEqualTo("exited");
        assertThat(restartCount("looping")).isEqualTo(count);

        // A start by hand begins a new loop from zero.
        daemon.berth("start", "looping").assertSuccess();
        Await.until("a restart of the new loop", DEADLINE, () -> {
            int n = restartCount("looping");
            return n >= 1 && n < count + 1;
        });
        daemon.berth("rm", "-f", "looping").assertSuccess();
        assertThat(daemon.berth("ps", "-a", "-q").out()).isEmpty();
    }

    @Test
    void restartingStatus_showsInPsBetweenTries() {
        daemon.berth("run", "-d", "--name", "slowfail", "--restart", "always", "busybox", "sh", "-c", "exit 2")
                .assertSuccess();
        // The back-off doubles: once it is long enough, ps catches the container waiting.
        Await.until("ps to show it restarting", DEADLINE, () -> daemon.berth("ps", "-a", "--format",
                "{{.Status}}", "--filter", "name=slowfail").out().startsWith("Restarting (2)"));
        // Between tries dockerd shows Restarting and Running both true; poll, as a try may be under way.
        Await.until("inspect to show it restarting", DEADLINE,
                () -> inspect("slowfail", "{{.State.Restarting}} {{.State.Running}}").equals("true true"));
        assertThat(daemon.berth("rm", "slowfail").exitCode()).isNotZero();
        daemon.berth("kill", "slowfail").assertSuccess();
        assertThat(inspect("slowfail", "{{.State.Status}} {{.State.ExitCode}}")).isEqualTo("exited 2");
        daemon.berth("rm", "slowfail").assertSuccess();
    }

    @Test
    void daemonRestart_startsAlwaysAndUnlessStopped_butNotOnesStoppedByHand() {
        daemon.berth("run", "-d", "--name", "always", "--restart", "always", "busybox", "sleep", "1000").assertSuccess();
        daemon.berth("run", "-d", "--name", "unless", "--restart", "unless-stopped", "busybox", "sleep", "1000")
                .assertSuccess();
        daemon.berth("run", "-d", "--name", "handstopped", "--restart", "unless-stopped", "busybox", "sleep", "1000")
                .assertSuccess();
        daemon.berth("run", "-d", "--name", "alwaysstopped", "--restart", "always", "busybox", "sleep", "1000")
                .assertSuccess();
        daemon.berth("run", "-d", "--name", "none", "busybox", "sleep", "1000").assertSuccess();
        daemon.berth("stop", "-t", "0", "handstopped", "alwaysstopped").assertSuccess();

        assertThat(daemon.stop()).isZero();
        daemon.start();

        assertThat(inspect("always", "{{.State.Status}}")).isEqualTo("running");
        assertThat(inspect("unless", "{{.State.Status}}")).isEqualTo("running");
        assertThat(inspect("alwaysstopped", "{{.State.Status}}")).isEqualTo("running");
        assertThat(inspect("handstopped", "{{.State.Status}}")).isEqualTo("exited");
        assertThat(inspect("none", "{{.State.Status}}")).isEqualTo("exited");
        daemon.berth("rm", "-f", "always", "unless", "handstopped", "alwaysstopped", "none").assertSuccess();
    }

    @Test
    void daemonCrash_restartsAContainerThatDiedWhileItWasDown() {
        daemon.berth("run", "-d", "--name", "phoenix", "--restart", "always", "busybox", "sleep", "1000").assertSuccess();
        daemon.berth("run", "-d", "--name", "unlessdied", "--restart", "unless-stopped", "busybox", "sleep", "1000")
                .assertSuccess();
        long pid = Long.parseLong(inspect("phoenix", "{{.State.Pid}}"));
        long unlessPid = Long.parseLong(inspect("unlessdied", "{{.State.Pid}}"));

        daemon.crash();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(unlessPid).ifPresent(ProcessHandle::destroyForcibly);
        Await.until("the containers to die", DEADLINE, () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)
                && ProcessHandle.of(unlessPid).map(p -> !p.isAlive()).orElse(true));
        daemon.start();

        Await.until("unlessdied to run again", DEADLINE, () -> inspect("unlessdied", "{{.State.Status}}").equals("running"));

        Await.until("phoenix to run again", DEADLINE, () -> inspect("phoenix", "{{.State.Status}}").equals("running")
                && !inspect("phoenix", "{{.State.Pid}}").equals(Long.toString(pid)));
        assertThat(restartCount("phoenix")).isEqualTo(1);
        daemon.berth("rm", "-f", "phoenix", "unlessdied").assertSuccess();
    }

    @Test
    void backoff_doublesFrom100ms_andResetsAfterTenSecondsOfUptime() {
        Instant from = Instant.now();
        // runs 1-4 fail at once; run 5 stays up 11 s, so the back-off starts again from 100 ms
        daemon.berth("run", "-d", "--name", "backoff", "--restart", "always", "busybox", "sh", "-c",
                "n=$(cat /n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /n; [ $n -eq 5 ] && sleep 11; exit 1")
                .assertSuccess();
        Await.until("six runs", Duration.ofSeconds(60), () -> restartCount("backoff") >= 5);
        daemon.berth("rm", "-f", "backoff").assertSuccess();
        String events = daemon.docker("events", "--since", from.getEpochSecond() + "." + String.format("%09d",
                from.getNano()), "--until", Long.toString(Instant.now().getEpochSecond() + 1), "--filter",
                "container=backoff", "--filter", "event=die", "--filter", "event=start", "--format",
                "{{.Action}} {{.TimeNano}}").assertSuccess().out();
        List<Long> gaps = new ArrayList<>(); // die -> next start, in ms
        long died = -1;
        for (String line : events.lines().toList()) {
            long t = Long.parseLong(line.substring(line.indexOf(' ') + 1));
            if (line.startsWith("die")) {
                died = t;
            } else if (died >= 0) {
                gaps.add((t - died) / 1_000_000);
                died = -1;
            }
        }
        assertThat(gaps).as("gaps " + gaps).hasSizeGreaterThanOrEqualTo(5);
        // each wait is at least the back-off (100, 200, 400, 800 ms); starting adds its own time
        for (int i = 0; i < 4; i++) {
            assertThat(gaps.get(i)).as("gap %d of %s", i + 1, gaps).isBetween(100L << i, (100L << i) + 2000);
        }
        // after 11 s of uptime: 100 ms again, not 1.6 s
        assertThat(gaps.get(4)).as("gap after a long run, of " + gaps).isBetween(100L, 1500L);
    }

    @Test
    void autoRemove_withARestartPolicyIsRefused() {
        var result = daemon.berth("create", "--rm", "--restart", "always", "busybox", "true");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("can't create 'AutoRemove' container with restart policy");
    }
}
