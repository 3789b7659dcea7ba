package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.CommandResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Containers that look after themselves: healthchecks (inspect, ps, events), pause/unpause,
 * top, --init and container prune, against one berthd.
 */
class HealthIT extends DaemonFixture {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private String inspect(String container, String template) {
        return berth("inspect", "-f", template, container).assertSuccess().out();
    }

    /** For polling: the official CLI starts in milliseconds, ours in a few hundred. */
    private String poll(String container, String template) {
        return docker("inspect", "--format", template, container).assertSuccess().out();
    }

    private static String unix(Instant t) {
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }

    @Test
    void healthyProbe_turnsTheContainerHealthy_inInspectPsAndEvents() {
        Instant from = Instant.now();
        berth("run", "-d", "--name", "fine", "--health-cmd", "echo ok", "--health-interval", "200ms",
                "busybox", "sleep", "300").assertSuccess();
        assertThat(inspect("fine", "{{.State.Health.Status}}")).isIn("starting", "healthy");

        Await.until("fine to be healthy", DEADLINE, () -> poll("fine", "{{.State.Health.Status}}").equals("healthy"));
        assertThat(inspect("fine", "{{.State.Health.FailingStreak}} {{(index .State.Health.Log 0).ExitCode}}"))
                .isEqualTo("0 0");
        assertThat(inspect("fine", "{{(index .State.Health.Log 0).Output}}")).isEqualTo("ok");
        assertThat(docker("inspect", "--format", "{{.State.Health.Status}}", "fine").assertSuccess().out())
                .isEqualTo("healthy");
        assertThat(berth("ps", "--filter", "health=healthy", "--format", "{{.Names}} {{.Status}}").assertSuccess().out())
                .matches("fine Up .* \\(healthy\\)");
        assertThat(docker("ps", "--filter", "name=fine", "--format", "{{.Status}}").assertSuccess().out())
                .endsWith("(healthy)");
        Await.until("the log to fill", DEADLINE, () -> poll("fine", "{{len .State.Health.Log}}").equals("5"));
        Instant to = Instant.now();
        assertThat(docker("events", "--since", unix(from), "--until", unix(to), "--filter", "container=fine",
                "--filter", "event=health_status", "--format", "{{.Action}}").assertSuccess().out())
                .isEqualTo("health_status: healthy");
        // each probe is an exec, reported as dockerd reports them
        assertThat(docker("events", "--since", unix(from), "--until", unix(to), "--filter", "container=fine",
                "--format", "{{.Action}}").assertSuccess().out().lines().distinct())
                .contains("exec_create: /bin/sh -c echo ok", "exec_start: /bin/sh -c echo ok", "exec_die");

        berth("stop", "-t", "0", "fine").assertSuccess();
        assertThat(inspect("fine", "{{.State.Health.Status}}")).isEqualTo("unhealthy");
    }

    @Test
    void probesResume_afterBerthdIsKilled_andAfterACleanRestart() {
        berth("run", "-d", "--name", "adopted", "--health-cmd", "true", "--health-interval", "200ms",
                "busybox", "sleep", "300").assertSuccess();
        berth("run", "-d", "--name", "policy", "--restart", "always", "--health-cmd", "true",
                "--health-interval", "200ms", "busybox", "sleep", "300").assertSuccess();
        Await.until("both healthy", DEADLINE, () -> poll("adopted", "{{.State.Health.Status}}").equals("healthy")
                && poll("policy", "{{.State.Health.Status}}").equals("healthy"));

        // kill -9: the containers run on and the new berthd adopts them, probing again
        daemon.crash();
        Instant crashed = Instant.now();
        daemon.start();
        Await.until("adopted healthy again", DEADLINE, () -> healthEvents("adopted", crashed).contains("healthy"));
        assertThat(poll("adopted", "{{.State.Status}} {{.State.Health.Status}}")).isEqualTo("running healthy");

        // SIGTERM stops them; the restart policy brings one back at start, probed from "starting"
        assertThat(daemon.stop()).isZero();
        Instant restarted = Instant.now();
        daemon.start();
        Await.until("policy healthy again", DEADLINE, () -> healthEvents("policy", restarted).contains("healthy"));
        assertThat(poll("policy", "{{.State.Status}} {{.State.Health.Status}}")).isEqualTo("running healthy");
        assertThat(poll("adopted", "{{.State.Status}}")).isEqualTo("exited");
        berth("rm", "-f", "adopted", "policy").assertSuccess();
    }

    private String healthEvents(String container, Instant since) {
        return docker("events", "--since", unix(since), "--until", unix(Instant.now()), "--filter",
                "container=" + container, "--filter", "event=health_status", "--format", "{{.Action}}")
                .assertSuccess().out();
    }

    @Test
    void failingProbe_turnsUnhealthyAfterItsRetries_andATimeoutIsMinusOne() {
        berth("run", "-d", "--name", "sick", "--health-cmd", "echo bad; exit 1", "--health-interval", "200ms",
                "--health-retries", "2", "busybox", "sleep", "300").assertSuccess();
        berth("run", "-d", "--name", "slow", "--health-cmd", "sleep 5", "--health-interval", "200ms",
                "--health-timeout", "200ms", "--health-retries", "1", "busybox", "sleep", "300").assertSuccess();

        Await.until("sick to be unhealthy", DEADLINE, () -> poll("sick", "{{.State.Health.Status}}").equals("unhealthy"));
        assertThat(Integer.parseInt(inspect("sick", "{{.State.Health.FailingStreak}}"))).isGreaterThanOrEqualTo(2);
        assertThat(inspect("sick", "{{(index .State.Health.Log 0).ExitCode}} {{(index .State.Health.Log 0).Output}}"))
                .isEqualTo("1 bad");
        assertThat(berth("ps", "--filter", "health=unhealthy", "--format", "{{.Names}} {{.Status}}").assertSuccess()
                .out().lines()).anyMatch(l -> l.matches("sick Up .* \\(unhealthy\\)"));

        Await.until("slow to be unhealthy", DEADLINE, () -> poll("slow", "{{.State.Health.Status}}").equals("unhealthy"));
        assertThat(inspect("slow", "{{(index .State.Health.Log 0).ExitCode}} {{(index .State.Health.Log 0).Output}}"))
                .isEqualTo("-1 Health check exceeded timeout (200ms)");
        berth("rm", "-f", "sick", "slow").assertSuccess();
    }

    @Test
    void noHealthcheck_hasNoHealth() {
        berth("run", "-d", "--name", "plain", "--no-healthcheck", "busybox", "sleep", "300").assertSuccess();

        assertThat(inspect("plain", "{{json .State.Health}}")).isEqualTo("null");
        assertThat(inspect("plain", "{{json .Config.Healthcheck.Test}}")).isEqualTo("[\"NONE\"]");
        assertThat(berth("ps", "--filter", "health=none", "--format", "{{.Names}}").assertSuccess().out().lines())
                .contains("plain");
        assertThat(berth("ps", "--filter", "name=plain", "--format", "{{.Status}}").assertSuccess().out())
                .doesNotContain("(");
        CommandResult conflict = berth("run", "--no-healthcheck", "--health-cmd", "true", "busybox", "true");
        assertThat(conflict.exitCode()).isNotZero();
        assertThat(conflict.stderr()).contains("--no-healthcheck conflicts with --health-* options");
        berth("rm", "-f", "plain").assertSuccess();
    }

    @Test
    void pause_freezesTheProcesses_andUnpauseResumesThem() {
        String counter = "i=0; while true; do i=$((i+1)); echo $i; sleep 0.05; done";
        berth("run", "-d", "--name", "frozen", "busybox", "sh", "-c", counter).assertSuccess();
        berth("run", "-d", "--name", "witness", "busybox", "sh", "-c", counter).assertSuccess();
        Await.until("frozen to count", DEADLINE, () -> lines("frozen") > 2);

        assertThat(berth("pause", "frozen").assertSuccess().out()).isEqualTo("frozen");
        assertThat(inspect("frozen", "{{.State.Status}} {{.State.Paused}} {{.State.Running}}"))
                .isEqualTo("paused true true");
        assertThat(berth("ps", "--filter", "status=paused", "--format", "{{.Names}} {{.Status}}").assertSuccess().out())
                .matches("frozen Up .* \\(Paused\\)");
        assertThat(berth("pause", "frozen").stderr()).contains("is already paused");
        assertThat(berth("exec", "frozen", "true").stderr()).contains("is paused, unpause the container before exec");
        int frozenAt = lines("frozen");
        int witnessAt = lines("witness");
        Await.until("the witness to count on", DEADLINE, () -> lines("witness") >= witnessAt + 10);
        assertThat(lines("frozen")).isEqualTo(frozenAt);

        berth("unpause", "frozen").assertSuccess();
        assertThat(inspect("frozen", "{{.State.Status}}")).isEqualTo("running");
        Await.until("frozen to count again", DEADLINE, () -> lines("frozen") > frozenAt + 3);
        assertThat(berth("unpause", "frozen").stderr()).contains("is not paused");

        // A paused container can still be killed: SIGKILL thaws it, as dockerd does.
        berth("pause", "frozen").assertSuccess();
        berth("kill", "frozen").assertSuccess();
        Await.until("frozen to exit", DEADLINE, () -> poll("frozen", "{{.State.Status}}").equals("exited"));
        assertThat(inspect("frozen", "{{.State.ExitCode}}")).isEqualTo("137");
        berth("rm", "-f", "frozen", "witness").assertSuccess();
    }

    private int lines(String container) {
        return (int) docker("logs", container).assertSuccess().out().lines().count();
    }

    @Test
    void top_listsTheContainersProcesses_includingExecdOnes() {
        berth("run", "-d", "--name", "topped", "busybox", "sleep", "301").assertSuccess();
        berth("exec", "-d", "topped", "sleep", "123").assertSuccess();

        Await.until("the exec'd sleep in top", DEADLINE, () -> docker("top", "topped").assertSuccess().out().contains("sleep 123"));
        String top = berth("top", "topped").assertSuccess().out();
        assertThat(top.lines().findFirst().orElseThrow()).startsWith("UID").contains("PID").endsWith("CMD");
        assertThat(top).contains("sleep 301").doesNotContain("berthd");
        assertThat(berth("top", "topped", "-o", "pid,comm").assertSuccess().out().lines().skip(1))
                .allMatch(l -> l.strip().matches("\\d+\\s+sleep"));
        assertThat(docker("top", "topped").assertSuccess().out()).contains("sleep 301").contains("sleep 123");
        berth("rm", "-f", "topped").assertSuccess();
        assertThat(berth("top", "topped").stderr()).contains("No such container");
    }

    @Test
    void init_runsTiniAsPid1_reapingOrphansAndForwardingSigterm() {
        berth("run", "-d", "--init", "--name", "inited", "busybox", "sh", "-c", "(sleep 0.3 &); sleep 300").assertSuccess();

        assertThat(berth("exec", "inited", "cat", "/proc/1/cmdline").assertSuccess().out().replace('\0', ' '))
                .startsWith("/sbin/docker-init -- sh -c");
        assertThat(inspect("inited", "{{.HostConfig.Init}}")).isEqualTo("true");
        // The orphaned sleep ends and is reaped by tini: no zombie is left behind.
        Await.until("the orphan to be reaped", DEADLINE, () -> {
            String stats = docker("exec", "inited", "sh", "-c", "cat /proc/[0-9]*/stat").assertSuccess().out();
            return stats.lines().filter(l -> l.contains("(sleep)")).count() == 1 && !stats.matches("(?s).*\\) Z .*");
        });
        long t0 = System.nanoTime();
        berth("stop", "-t", "20", "inited").assertSuccess();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(inspect("inited", "{{.State.ExitCode}}")).isEqualTo("143");
    }

    @Test
    void containerPrune_removesStoppedContainersOnly() {
        berth("run", "--name", "finished", "busybox", "sh", "-c", "echo data > /file").assertSuccess();
        berth("create", "--name", "never", "busybox", "true").assertSuccess();
        berth("run", "-d", "--name", "alive", "busybox", "sleep", "300").assertSuccess();
        String finished = inspect("finished", "{{.Id}}");

        String out = berth("container", "prune", "-f").assertSuccess().out();

        assertThat(out).startsWith("Deleted Containers:\n").contains(finished).contains("Total reclaimed space: ");
        assertThat(berth("ps", "-a", "--format", "{{.Names}}").assertSuccess().out().lines())
                .contains("alive").doesNotContain("finished", "never");
        berth("run", "--name", "labelled", "--label", "keep=yes", "busybox", "true").assertSuccess();
        assertThat(docker("container", "prune", "-f", "--filter", "label!=keep").assertSuccess().out())
                .doesNotContain(inspect("labelled", "{{.Id}}"));
        assertThat(docker("container", "prune", "-f", "--filter", "label=keep=yes").assertSuccess().out())
                .contains("Deleted Containers:");
        berth("rm", "-f", "alive").assertSuccess();
    }
}
