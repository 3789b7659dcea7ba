package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.client.ApiStream;
import dev.berth.api.client.AttachOptions;
import dev.berth.api.client.EngineClient;
import dev.berth.api.client.UnixSocketTransport;
import dev.berth.api.types.exec.ExecCreateRequest;
import dev.berth.api.types.exec.ExecStartRequest;
import dev.berth.testkit.Await;
import dev.berth.testkit.DockerCli;
import dev.berth.testkit.Tmux;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Interactive containers in a real terminal (tmux): a shell in {@code run -it},
 * {@code create -it} + {@code start -ai} and {@code exec -it} answering commands, {@code tty},
 * the window size followed by {@code stty size} (and there before the process runs), Ctrl-C
 * interrupting {@code sleep}, job control, exit codes, detach with Ctrl-P Ctrl-Q, output
 * while detached in the logs, attach again, and the local terminal back in cooked mode
 * afterwards; the same {@code run -it} session with the official docker CLI.
 * {@link TerminalCrunIT} runs all of it on crun.
 */
class TerminalIT extends DaemonFixture {

    private static final String PROMPT = "^/ #";  // capture-pane drops trailing blanks
    // After the CLI ends: its exit code, then whether the local terminal is canonical again.
    private static final String AFTER = "; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon'";

    private final List<Tmux> terminals = new ArrayList<>();

    @AfterEach
    void closeTerminals() {
        terminals.forEach(Tmux::close);
        terminals.clear();
        berth("rm", "-f", "tty-run", "tty-detach", "tty-exec", "tty-docker", "tty-start", "tty-size",
                "tty-dit", "tty-api", "tty-loop");
    }

    @Test
    void runIt_shellAnswersFollowsResizeAndInterruptsWithCtrlC() {
        Tmux t = terminal(berthCommand("run", "-it", "--name", "tty-run", "busybox", "sh") + AFTER);
        shellSession(t, "tty-run");
    }

    @Test
    void runIt_dockerCli() {
        Assumptions.assumeTrue(DockerCli.isInstalled(), "docker CLI not installed");
        Tmux t = terminal(dockerCommand("run -it --name tty-docker busybox sh") + AFTER);
        shellSession(t, "tty-docker");
    }

    @Test
    void createIt_startAi() {
        Tmux t = terminal(berthCommand("create", "-it", "--name", "tty-start", "busybox", "sh") + " >/dev/null && "
                + berthCommand("start", "-ai", "tty-start") + AFTER);
        ttyFollowsTheWindow(t);
        t.sendLine("exit 6");
        t.await("EXIT=6$");
        t.await("^icanon$");
        // sent by create from the terminal it ran in, as docker's CLI does
        assertThat(berth("inspect", "-f", "{{json .HostConfig.ConsoleSize}}", "tty-start").stdout()).isEqualTo("[30,100]\n");
    }

    @Test
    void createT_theTerminalHasTheClientsSizeBeforeTheProcessRuns() {
        // created from a 100x30 terminal, started from none: no resize ever follows
        terminal(berthCommand("create", "-t", "--name", "tty-size", "busybox", "sh", "-c", "stty size")
                + AFTER).await("EXIT=0$");
        assertThat(berth("start", "-a", "tty-size").assertSuccess().stdout()).isEqualTo("30 100\r\n");
    }

    @Test
    void runT_aShortLivedContainersLastOutputIsNeverLost() {
        // crun 1.8.1's own terminal proxy dropped it ~1 run in 15 before berthd took the
        // container's terminal over the console socket; the docker CLI keeps the loop fast
        Assumptions.assumeTrue(DockerCli.isInstalled(), "docker CLI not installed");
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            outputs.add(docker("run", "-t", "--rm", "busybox", "echo", "hi").assertSuccess().stdout());
        }
        assertThat(outputs).containsOnly("hi\r\n");
        assertThat(berth("ps", "-aq").stdout()).isEmpty();

        berth("run", "-d", "--name", "tty-loop", "busybox", "sleep", "100").assertSuccess();
        List<String> execOutputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            execOutputs.add(docker("exec", "-t", "tty-loop", "echo", "hi").assertSuccess().stdout());
        }
        assertThat(execOutputs).containsOnly("hi\r\n");
    }

    @Test
    void dockerCli_attachToRunDit_detach_execIt_attachAgain() {
        Assumptions.assumeTrue(DockerCli.isInstalled(), "docker CLI not installed");
        docker("run", "-dit", "--name", "tty-dit", "busybox", "sh").assertSuccess();
        Tmux first = terminal(dockerCommand("attach tty-dit") + AFTER);
        first.sendLine("echo hi-$((3*3))");
        first.await("^hi-9$");
        first.sendKeys("C-p", "C-q");
        // docker's attach (unlike run and start) reports a detach as an error
        first.await("read escape sequence\nEXIT=1$");
        first.await("^icanon$");

        Tmux exec = terminal(dockerCommand("exec -it tty-dit sh") + AFTER);
        ttyFollowsTheWindow(exec);
        exec.sendLine("exit 4");
        exec.await("EXIT=4$");

        Tmux again = terminal(dockerCommand("attach tty-dit") + AFTER);
        again.sendLine("echo back-$((2*2))");
        again.await("^back-4$");
        again.sendLine("exit 7");
        again.await("EXIT=7$");
        again.await("^icanon$");
    }

    @Test
    void apiClientDetachKeys_theDaemonEndsTheStreamAndTheContainerRunsOn() throws Exception {
        berth("run", "-dit", "--name", "tty-api", "busybox", "sh").assertSuccess();
        try (EngineClient client = new EngineClient(new UnixSocketTransport(daemon.socket(), daemon.host(), "it"))) {
            try (ApiStream stream = client.containers().attach("tty-api",
                    new AttachOptions(true, true, true, true, false, "ctrl-x"))) {
                detachByTheDaemon(stream);
            }
            assertThat(berth("inspect", "-f", "{{.State.Running}}", "tty-api").out()).isEqualTo("true");
            String exec = client.execs().create("tty-api", new ExecCreateRequest(null, false, true, null, true, true, true,
                    "ctrl-x", List.of(), null, List.of("sh")));
            try (ApiStream stream = client.execs().startAttached(exec, new ExecStartRequest(false, true, null))) {
                detachByTheDaemon(stream);
            }
            assertThat(client.execs().inspect(exec).running()).as("the exec's shell runs on").isTrue();
        }
    }

    /** Types a command, sees its output, then ctrl-x: the daemon must end the stream. */
    private static void detachByTheDaemon(ApiStream stream) throws Exception {
        stream.out().write("echo via-$((40+2))\r".getBytes(StandardCharsets.US_ASCII));
        stream.out().flush();
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[4096];
        while (!seen.toString().contains("via-42\r\n")) {
            int n = stream.in().read(buf);
            assertThat(n).as("output so far: %s", seen).isPositive();
            seen.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
        stream.out().write(0x18); // ctrl-x: a client that leaves detaching to the server (as docker-py)
        stream.out().flush();
        // the daemon ends the stream (a deadline, so a regression fails instead of hanging)
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                while (stream.in().read(buf) >= 0) {
                    // drain
                }
            } catch (java.io.IOException e) {
                // ended
            }
        }).get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void runWithoutTty_ctrlCIsProxiedToTheContainer() {
        Tmux t = terminal(berthCommand("run", "--rm", "busybox", "sh", "-c",
                "trap 'echo got-int; exit 9' INT; echo ready; while true; do sleep 0.1; done") + AFTER);
        t.await("^ready$");
        t.sendKeys("C-c");
        t.await("got-int$");
        t.await("EXIT=9$");
    }

    @Test
    void detachWithCtrlPCtrlQ_outputWhileDetachedIsLogged_thenAttachAgain() {
        Tmux first = terminal(berthCommand("run", "-it", "--name", "tty-detach", "busybox", "sh") + AFTER);
        first.await(PROMPT);
        first.sendLine("echo one");
        first.await("^one$");
        // prints only once the test says so, which it does while nobody is attached
        first.sendLine("(while [ ! -e /tmp/go ]; do sleep 0.1; done; echo while-$((6*7))-away) &");
        first.sendKeys("C-p", "C-q");
        first.await("EXIT=0$");
        first.await("^icanon$");
        assertThat(berth("inspect", "-f", "{{.State.Running}}", "tty-detach").assertSuccess().stdout()).isEqualTo("true\n");
        berth("exec", "tty-detach", "touch", "/tmp/go").assertSuccess();
        Await.until("output written while detached to be in the logs", Duration.ofSeconds(20),
                () -> berth("logs", "tty-detach").stdout().contains("while-42-away"));

        Tmux second = terminal(berthCommand("attach", "tty-detach") + AFTER);
        second.sendLine("echo two");
        second.await("^two$");
        second.sendKeys("C-p", "C-q");
        second.await("read escape sequence\nEXIT=1$");  // as docker attach

        Tmux third = terminal(berthCommand("attach", "tty-detach") + AFTER);
        third.sendLine("exit 5");
        third.await("EXIT=5$");
        third.await("^icanon$");
        assertThat(berth("logs", "tty-detach").stdout()).containsSubsequence("one", "while-42-away", "two");
    }

    @Test
    void execIt_shellWithItsOwnTerminal() {
        berth("run", "-d", "--name", "tty-exec", "busybox", "sleep", "1000").assertSuccess();
        Tmux t = terminal(berthCommand("exec", "-it", "tty-exec", "sh") + AFTER);
        ttyFollowsTheWindow(t);
        t.sendLine("exit 4");
        t.await("EXIT=4$");
        t.await("^icanon$");
    }

    private void shellSession(Tmux t, String container) {
        ttyFollowsTheWindow(t);
        t.sendLine("sleep 100");
        awaitForegroundSleep(container);
        t.sendKeys("C-c");
        // The shell runs this only once sleep is gone.
        t.sendLine("echo after-$((1+1))");
        t.await("^after-2$");
        jobControl(t, container);
        t.sendLine("exit 3");
        t.await("EXIT=3$");
        t.await("^icanon$");
    }

    /** sh's job control: a background job, fg, Ctrl-Z stops it, bg, kill %1. */
    private void jobControl(Tmux t, String container) {
        t.sendLine("sleep 100 &");
        t.sendLine("jobs");
        t.await("^\\[1\\]\\+ +Running +sleep 100$");
        t.sendLine("fg");
        t.await("^sleep 100$");
        awaitForegroundSleep(container);
        t.sendKeys("C-z");
        t.await("\\[1\\]\\+ +Stopped +sleep 100$");
        t.sendLine("bg");
        t.sendLine("kill %1; wait; echo killed-$((2+2))");
        t.await("^\\[1\\]\\+ +Terminated +sleep 100$");
        t.await("^killed-4$");
    }

    /**
     * Waits until {@code sleep} is the foreground job of the container's terminal. A key
     * typed before that reaches ash's line editor, which turns ISIG off while it reads a
     * line: Ctrl-C or Ctrl-Z would then be a plain byte in the input, as on any terminal.
     */
    private void awaitForegroundSleep(String container) {
        Await.until("sleep to be the terminal's foreground job", Duration.ofSeconds(20), () -> berth("exec", container,
                "sh", "-c", "set -- $(cat /proc/$(pidof sleep)/stat) && [ \"$5\" = \"$8\" ]").exitCode() == 0);
    }

    /** A shell on a terminal of its own whose size follows the window. */
    private static void ttyFollowsTheWindow(Tmux t) {
        t.await(PROMPT);
        t.sendLine("tty");
        t.await("^/dev/pts/\\d+$");
        t.sendLine("stty size");
        t.await("^30 100$");
        t.resize(120, 40);
        t.retypeUntil("stty size", "^40 120$");
    }

    private Tmux terminal(String command) {
        Tmux t = Tmux.start(100, 30, command);
        terminals.add(t);
        return t;
    }

    /** The docker CLI against this daemon; {@code args} as typed in a shell. */
    private String dockerCommand(String args) {
        return "DOCKER_CONFIG=" + daemon.dataRoot().resolveSibling("docker-config") + " DOCKER_CLI_HINTS=false "
                + DockerCli.PATH + " -H " + daemon.host() + " " + args;
    }
}
