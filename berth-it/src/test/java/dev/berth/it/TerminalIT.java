package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Commands;
import dev.berth.testkit.DockerCli;
import dev.berth.testkit.Tmux;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Interactive containers in a real terminal (tmux): a shell in {@code run -it} and
 * {@code exec -it} answering commands, {@code tty}, the window size followed by
 * {@code stty size}, Ctrl-C interrupting {@code sleep}, exit codes, detach with Ctrl-P
 * Ctrl-Q and attach again, and the local terminal back in cooked mode afterwards; the
 * same {@code run -it} session with the official docker CLI.
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
        berth("rm", "-f", "tty-run", "tty-detach", "tty-exec", "tty-docker");
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
    void detachWithCtrlPCtrlQ_thenAttachAgain() {
        Tmux first = terminal(berthCommand("run", "-it", "--name", "tty-detach", "busybox", "sh") + AFTER);
        first.await(PROMPT);
        first.sendLine("echo one");
        first.await("^one$");
        first.sendKeys("C-p", "C-q");
        first.await("EXIT=0$");
        first.await("^icanon$");
        assertThat(berth("inspect", "-f", "{{.State.Running}}", "tty-detach").assertSuccess().stdout()).isEqualTo("true\n");

        Tmux second = terminal(berthCommand("attach", "tty-detach") + AFTER);
        second.sendLine("echo two");
        second.await("^two$");
        second.sendLine("exit 5");
        second.await("EXIT=5$");
        second.await("^icanon$");
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
        t.sendLine("exit 3");
        t.await("EXIT=3$");
        t.await("^icanon$");
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
