package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.Commands;
import dev.berth.testkit.DockerCli;
import dev.berth.testkit.Tmux;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
        berth("rm", "-f", "tty-run", "tty-detach", "tty-exec", "tty-docker", "tty-start", "tty-size");
    }

    @Test
    void runIt_shellAnswersFollowsResizeAndInterruptsWithCtrlC() {
        Tmux t = terminal(berthCommand("run", "-it", "--name", "tty-run", "busybox", "sh") + AFTER);
        shellSession(t);
    }

    @Test
    void runIt_dockerCli() {
        Assumptions.assumeTrue(DockerCli.isInstalled(), "docker CLI not installed");
        Tmux t = terminal("DOCKER_CONFIG=" + daemon.dataRoot().resolveSibling("docker-config") + " DOCKER_CLI_HINTS=false "
                + DockerCli.PATH + " -H " + daemon.host() + " run -it --name tty-docker busybox sh" + AFTER);
        shellSession(t);
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
        terminal(berthCommand("create", "-t", "--name", "tty-size", "busybox", "stty", "size") + AFTER).await("EXIT=0$");
        assertThat(berth("start", "-a", "tty-size").assertSuccess().stdout()).isEqualTo("30 100\r\n");
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
        second.sendLine("exit 5");
        second.await("EXIT=5$");
        second.await("^icanon$");
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

    private void shellSession(Tmux t) {
        ttyFollowsTheWindow(t);
        t.sendLine("sleep 100");
        t.sendKeys("C-c");
        // The shell runs this only once sleep is gone.
        t.sendLine("echo after-$((1+1))");
        t.await("^after-2$");
        jobControl(t);
        t.sendLine("exit 3");
        t.await("EXIT=3$");
        t.await("^icanon$");
    }

    /** sh's job control: a background job, fg, Ctrl-Z stops it, bg, kill %1. */
    private static void jobControl(Tmux t) {
        t.sendLine("sleep 100 &");
        t.sendLine("jobs");
        t.await("^\\[1\\]\\+ +Running +sleep 100$");
        t.sendLine("fg");
        t.await("^sleep 100$");
        t.sendKeys("C-z");
        t.await("\\[1\\]\\+ +Stopped +sleep 100$");
        t.sendLine("bg");
        t.sendLine("kill %1; wait; echo killed-$((2+2))");
        t.await("^\\[1\\]\\+ +Terminated +sleep 100$");
        t.await("^killed-4$");
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

    private String berthCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Commands.java().toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.berth.cli.Main", "-H", daemon.host()));
        cmd.addAll(List.of(args));
        return cmd.stream().map(Tmux::quote).collect(Collectors.joining(" "));
    }
}
