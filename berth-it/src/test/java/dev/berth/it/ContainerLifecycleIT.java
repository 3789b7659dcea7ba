package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The container verbs through the berth CLI against a real berthd with runc. */
class ContainerLifecycleIT extends DaemonFixture {

    @Test
    void run_printsTheContainersOutput() {
        var r = berth("run", "--rm", "busybox", "echo", "hello");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("hello\n");
    }

    @Test
    void run_returnsTheContainersExitCode() {
        assertThat(berth("run", "--rm", "busybox", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
    }

    @Test
    void run_returns127WhenTheCommandIsNotFound() {
        var r = berth("run", "--rm", "busybox", "no-such-command");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(127);
        assertThat(r.stderr()).contains("executable file not found");
    }

    @Test
    void run_returns126WhenTheCommandCannotBeInvoked() {
        var r = berth("run", "--rm", "busybox", "/etc/passwd");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(126);
    }

    @Test
    void run_returns125WhenBerthFails() {
        var r = berth("run", "--rm", "--pull", "never", "no-such-image:1.0", "true"); // offline: no pull
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(125);
        assertThat(r.stderr()).contains("No such image");
    }

    @Test
    void run_mergesEnvWorkdirAndUser() {
        var r = berth("run", "--rm", "-e", "GREETING=hi", "-w", "/work/dir", "-u", "1000:1000", "busybox",
                "sh", "-c", "echo $GREETING $(pwd) $(id -u):$(id -g) $PATH");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("hi /work/dir 1000:1000 /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    }

    @Test
    void run_resolvesUserNamesInTheImagesPasswd() {
        var r = berth("run", "--rm", "-u", "nobody", "busybox", "id", "-u");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("65534");
        var bad = berth("run", "--rm", "-u", "nosuchuser", "busybox", "true");
        assertThat(bad.exitCode()).isEqualTo(125);
        assertThat(bad.stderr()).contains("unable to find user nosuchuser");
    }

    @Test
    void run_setsHostnameToTheShortIdOrTheGivenOne() {
        var id = berth("create", "busybox", "hostname").assertSuccess().out();
        var r = berth("start", "-a", id);
        assertThat(r.out()).isEqualTo(id.substring(0, 12));
        berth("rm", id).assertSuccess();
        assertThat(berth("run", "--rm", "-h", "myhost", "busybox", "cat", "/etc/hostname").out()).isEqualTo("myhost");
    }

    @Test
    void writableLayer_survivesStopAndStartButNotRemoval() {
        berth("create", "--name", "keeper", "busybox", "sh", "-c", "cat /data 2>/dev/null; echo kept > /data")
                .assertSuccess();
        assertThat(berth("start", "-a", "keeper").out()).isEmpty();
        assertThat(berth("start", "-a", "keeper").out()).isEqualTo("kept");
        berth("rm", "keeper").assertSuccess();
        berth("create", "--name", "keeper", "busybox", "sh", "-c", "cat /data 2>/dev/null; echo kept > /data")
                .assertSuccess();
        assertThat(berth("start", "-a", "keeper").out()).isEmpty();
        berth("rm", "keeper").assertSuccess();
    }

    @Test
    void logs_keepStdoutAndStderrApart() {
        var id = berth("run", "-d", "busybox", "sh", "-c", "echo out; echo err >&2").assertSuccess().out();
        assertThat(berth("wait", id).out()).isEqualTo("0");
        var all = berth("logs", id);
        assertThat(all.stdout()).isEqualTo("out\n");
        assertThat(all.stderr()).isEqualTo("err\n");
        berth("rm", id).assertSuccess();
    }

    @Test
    void logs_tailAndTimestamps() {
        var id = berth("run", "-d", "busybox", "sh", "-c", "echo one; echo two; echo three").assertSuccess().out();
        assertThat(berth("wait", id).out()).isEqualTo("0");
        assertThat(berth("logs", id).stdout()).isEqualTo("one\ntwo\nthree\n");
        assertThat(berth("logs", "--tail", "1", id).stdout()).isEqualTo("three\n");
        assertThat(berth("logs", "--tail", "2", id).stdout()).isEqualTo("two\nthree\n");
        assertThat(berth("logs", "-t", id).stdout()).matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\S+Z one\n.*");
        berth("rm", id).assertSuccess();
    }

    @Test
    void logs_followEndsWhenTheContainerStops() {
        var id = berth("run", "-d", "busybox", "sh", "-c", "echo start; sleep 1; echo end").assertSuccess().out();
        var r = berth("logs", "-f", id);
        assertThat(r.stdout()).isEqualTo("start\nend\n");
        berth("rm", "-f", id).assertSuccess();
    }

    @Test
    void stop_killsAProcessThatIgnoresSigterm() {
        var id = berth("run", "-d", "busybox", "sh", "-c", "trap '' TERM; while true; do sleep 1; done")
                .assertSuccess().out();
        berth("stop", "-t", "1", id).assertSuccess();
        assertThat(berth("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", id).out()).isEqualTo("exited 137");
        berth("rm", id).assertSuccess();
    }

    @Test
    void stop_usesSigtermFirst() {
        var id = berth("run", "-d", "busybox", "sh", "-c", "trap 'exit 7' TERM; while true; do sleep 0.1; done")
                .assertSuccess().out();
        awaitRunning(id);
        berth("stop", id).assertSuccess();
        assertThat(berth("inspect", "-f", "{{.State.ExitCode}}", id).out()).isEqualTo("7");
        berth("rm", id).assertSuccess();
    }

    @Test
    void kill_sendsTheGivenSignal() {
        // A process that handles USR1: as PID 1 it would ignore a signal it has no handler for.
        var id = berth("run", "-d", "busybox", "sh", "-c", "trap 'exit 12' USR1; while true; do sleep 0.1; done")
                .assertSuccess().out();
        awaitRunning(id);
        berth("kill", "-s", "USR1", id).assertSuccess();
        assertThat(berth("wait", id).out()).isEqualTo("12");
        berth("rm", id).assertSuccess();
    }

    @Test
    void kill_defaultsToSigkill() {
        var id = berth("run", "-d", "busybox", "sleep", "1000").assertSuccess().out();
        berth("kill", id).assertSuccess();
        assertThat(berth("wait", id).out()).isEqualTo("137");
        berth("rm", id).assertSuccess();
    }

    private void awaitRunning(String id) {
        Await.until("container " + id + " to run", Duration.ofSeconds(10),
                () -> berth("inspect", "-f", "{{.State.Running}}", id).out().equals("true"));
    }

    @Test
    void rm_refusesARunningContainerUnlessForced() {
        var id = berth("run", "-d", "busybox", "sleep", "1000").assertSuccess().out();
        var refused = berth("rm", id);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("You cannot remove a running container");
        berth("rm", "-f", id).assertSuccess();
        assertThat(berth("ps", "-a", "-q", "--no-trunc").out()).doesNotContain(id);
    }

    @Test
    void ps_listsRunningByDefaultAndAllWithA() {
        var running = berth("run", "-d", "--name", "ps-running", "-l", "tier=web", "busybox", "sleep", "1000")
                .assertSuccess().out();
        berth("run", "--name", "ps-exited", "busybox", "true").assertSuccess();
        assertThat(berth("ps", "--format", "{{.Names}}").stdout()).contains("ps-running").doesNotContain("ps-exited");
        assertThat(berth("ps", "-a", "--format", "{{.Names}}").stdout()).contains("ps-running", "ps-exited");
        assertThat(berth("ps", "-a", "-q", "--filter", "label=tier=web").out()).isEqualTo(running.substring(0, 12));
        assertThat(berth("ps", "-a", "--filter", "status=exited", "--format", "{{.Names}} {{.Status}}").stdout())
                .contains("ps-exited Exited (0)");
        var table = berth("ps").stdout();
        assertThat(table.lines().findFirst().orElseThrow())
                .matches("CONTAINER ID\\s+IMAGE\\s+COMMAND\\s+CREATED\\s+STATUS\\s+PORTS\\s+NAMES");
        assertThat(table).contains("\"sleep 1000\"").contains("Up ");
        berth("rm", "-f", "ps-running", "ps-exited").assertSuccess();
    }

    @Test
    void rename_andRestart() {
        var id = berth("run", "-d", "--name", "before", "busybox", "sleep", "1000").assertSuccess().out();
        berth("rename", "before", "after").assertSuccess();
        assertThat(berth("inspect", "-f", "{{.Name}}", id).out()).isEqualTo("/after");
        var pid = berth("inspect", "-f", "{{.State.Pid}}", "after").out();
        berth("restart", "-t", "1", "after").assertSuccess();
        assertThat(berth("inspect", "-f", "{{.State.Running}}", "after").out()).isEqualTo("true");
        assertThat(berth("inspect", "-f", "{{.State.Pid}}", "after").out()).isNotEqualTo(pid);
        berth("rm", "-f", "after").assertSuccess();
    }

    @Test
    void create_refusesADuplicateName() {
        berth("create", "--name", "twin", "busybox", "true").assertSuccess();
        var r = berth("create", "--name", "twin", "busybox", "true");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("is already in use");
        berth("rm", "twin").assertSuccess();
    }

    @Test
    void inspect_showsConfigAndState() {
        var id = berth("create", "--name", "insp", "-e", "X=1", "-l", "a=b", "--stop-signal", "SIGINT",
                "busybox", "echo", "hi").assertSuccess().out();
        assertThat(berth("inspect", "-f", "{{.Config.Env}}", "insp").out())
                .isEqualTo("[PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin X=1]");
        assertThat(berth("inspect", "-f", "{{.Config.Labels.a}} {{.Config.StopSignal}} {{.State.Status}} {{.Path}} {{.Args}}", id).out())
                .isEqualTo("b SIGINT created echo [hi]");
        berth("rm", id).assertSuccess();
    }

    @Test
    void isolation_hasDockersDefaultsInside() {
        var caps = berth("run", "--rm", "busybox", "sh", "-c", "grep CapEff /proc/self/status");
        assertThat(caps.out()).isEqualTo("CapEff:\t00000000a80425fb");
        var pid1 = berth("run", "--rm", "busybox", "sh", "-c", "echo $$");
        assertThat(pid1.out()).isEqualTo("1");
        // The default bridge gives eth0, as Docker; --network none keeps loopback only.
        var net = berth("run", "--rm", "busybox", "sh", "-c", "ls /sys/class/net");
        assertThat(net.out().lines()).containsExactly("eth0", "lo");
        assertThat(berth("run", "--rm", "--network", "none", "busybox", "ls", "/sys/class/net").out()).isEqualTo("lo");
        var ro = berth("run", "--rm", "busybox", "sh", "-c", "echo x > /proc/sys/kernel/hostname");
        assertThat(ro.exitCode()).isNotZero();
    }

    @Test
    void run_readsAnEnvFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        var file = tmp.resolve("app.env");
        java.nio.file.Files.writeString(file, "# comment\nFIRST=1\nSECOND=two words\n");
        var r = berth("run", "--rm", "--env-file", file.toString(), "-e", "SECOND=override", "busybox",
                "sh", "-c", "echo $FIRST $SECOND");
        assertThat(r.out()).as(r.toString()).isEqualTo("1 override");
    }

    @Test
    void ps_sizeLastAndLimit() {
        var first = berth("run", "-d", "busybox", "sh", "-c", "echo 12345 > /file; sleep 1000").assertSuccess().out();
        var second = berth("create", "--name", "newest", "busybox", "true").assertSuccess().out();
        assertThat(berth("ps", "-l", "-q", "--no-trunc").out()).isEqualTo(second);
        assertThat(berth("ps", "-n", "1", "--format", "{{.Names}}").out()).isEqualTo("newest");
        Await.until("the file to be written", Duration.ofSeconds(10), () -> berth("ps", "-s", "--format", "{{.Size}}",
                "--filter", "id=" + first).out().startsWith("6B"));
        assertThat(berth("ps", "-s").stdout().lines().findFirst().orElseThrow()).endsWith("SIZE");
        berth("rm", "-f", first, second).assertSuccess();
    }

    @Test
    void logs_sinceSkipsOlderEntries() {
        var id = berth("run", "-d", "busybox", "echo", "old").assertSuccess().out();
        assertThat(berth("wait", id).out()).isEqualTo("0");
        assertThat(berth("logs", "--since", "1h", id).stdout()).isEqualTo("old\n");
        long future = java.time.Instant.now().plusSeconds(3600).getEpochSecond();
        assertThat(berth("logs", "--since", Long.toString(future), id).stdout()).isEmpty();
        berth("rm", id).assertSuccess();
    }
}
