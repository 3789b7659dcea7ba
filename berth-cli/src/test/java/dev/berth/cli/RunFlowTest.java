package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.stream.MultiplexedOutput;
import dev.berth.api.stream.StdStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** run end to end against a fake daemon: request order, output, exit codes and messages. */
class RunFlowTest {

    private final CliHarness cli = new CliHarness();

    private void created() {
        cli.daemon.on("POST", "/containers/create", 201, "application/json", "{\"Id\":\"c0ffee\",\"Warnings\":null}");
    }

    @Test
    void attached_attachesAndWaitsBeforeStart_thenExitsWithTheContainersCode() throws IOException {
        created();
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        MultiplexedOutput mux = new MultiplexedOutput(frames);
        mux.write(StdStream.STDOUT, "hello\n".getBytes());
        mux.write(StdStream.STDERR, "oops\n".getBytes());
        cli.daemon.on("POST", "/attach", 101, "application/vnd.docker.multiplexed-stream", frames.toByteArray())
                .json("POST", "/wait", "{\"StatusCode\":3,\"Error\":null}")
                .on("POST", "/start$", 204, null, "");

        int status = cli.run("run", "--rm", "busybox", "sh", "-c", "echo hello; echo oops >&2; exit 3");

        assertThat(status).isEqualTo(3);
        assertThat(cli.out()).isEqualTo("hello\n");
        assertThat(cli.err()).isEqualTo("oops\n");
        assertThat(cli.daemon.calls()).containsExactly(
                "POST /v1.50/containers/create",
                "POST /v1.50/containers/c0ffee/attach?stream=1&stdout=1&stderr=1",
                "POST /v1.50/containers/c0ffee/wait?condition=removed",
                "POST /v1.50/containers/c0ffee/start");
    }

    @Test
    void interactive_sendsStdinToTheContainer() {
        created();
        cli.stdin = "input\n".getBytes();
        cli.daemon.on("POST", "/attach", 101, null, new byte[0])
                .json("POST", "/wait", "{\"StatusCode\":0}")
                .on("POST", "/start$", 204, null, "");
        assertThat(cli.run("run", "-i", "busybox", "cat")).isZero();
        assertThat(cli.daemon.calls()).contains("POST /v1.50/containers/c0ffee/wait?condition=next-exit",
                "POST /v1.50/containers/c0ffee/attach?stream=1&stdin=1&stdout=1&stderr=1");
    }

    @Test
    void tty_copiesRawOutput() {
        created();
        cli.daemon.on("POST", "/attach", 101, null, "raw\r\n")
                .json("POST", "/wait", "{\"StatusCode\":0}")
                .on("POST", "/start$", 204, null, "");
        assertThat(cli.run("run", "-t", "busybox")).isZero();
        assertThat(cli.out()).isEqualTo("raw\r\n");
    }

    @Test
    void detached_printsTheFullIdAndDoesNotAttach() {
        created();
        cli.daemon.on("POST", "/start$", 204, null, "");
        assertThat(cli.run("run", "-d", "busybox", "sleep", "9")).isZero();
        assertThat(cli.out()).isEqualTo("c0ffee\n");
        assertThat(cli.daemon.calls()).containsExactly("POST /v1.50/containers/create", "POST /v1.50/containers/c0ffee/start");
    }

    @Test
    void missingImage_saysUnableToFindThenPullsAndReportsThePullError_125() {
        cli.daemon.on("POST", "/containers/create", 404, "application/json", "{\"message\":\"No such image: nothing:latest\"}");
        cli.daemon.on("POST", "/images/create", 404, "application/json",
                "{\"message\":\"manifest for nothing:latest not found: manifest unknown\"}");
        assertThat(cli.run("run", "nothing")).isEqualTo(125);
        assertThat(cli.err()).isEqualTo("""
                Unable to find image 'nothing:latest' locally
                berth: Error response from daemon: manifest for nothing:latest not found: manifest unknown

                Run 'berth run --help' for more information
                """);
    }

    @Test
    void pullNever_doesNotSayUnableToFind() {
        cli.daemon.on("POST", "/containers/create", 404, "application/json", "{\"message\":\"No such image: x:1\"}");
        assertThat(cli.run("run", "--pull=never", "x:1")).isEqualTo(125);
        assertThat(cli.err()).startsWith("berth: Error response from daemon: No such image: x:1\n");
    }

    @Test
    void commandNotFound_127() {
        created();
        cli.daemon.on("POST", "/attach", 101, null, new byte[0])
                .json("POST", "/wait", "{\"StatusCode\":127}")
                .on("POST", "/start$", 400, "application/json",
                        "{\"message\":\"failed to create task: exec: \\\"nope\\\": executable file not found in $PATH\"}");
        assertThat(cli.run("run", "busybox", "nope")).isEqualTo(127);
        assertThat(cli.err()).contains("berth: Error response from daemon: failed to create task: exec: \"nope\": executable file not found in $PATH");
    }

    @Test
    void permissionDenied_126() {
        created();
        cli.daemon.on("POST", "/start$", 400, "application/json", "{\"message\":\"exec /etc: permission denied\"}");
        assertThat(cli.run("run", "-d", "busybox", "/etc")).isEqualTo(126);
    }

    @Test
    void badFlag_125WithDockersHint() {
        assertThat(cli.run("run", "--bogus", "busybox")).isEqualTo(125);
        assertThat(cli.err()).contains("Run 'berth run --help' for more information");
        assertThat(cli.daemon.calls()).isEmpty();
    }

    @Test
    void unknownCommand_says_so() {
        assertThat(cli.run("frobnicate")).isEqualTo(1);
        assertThat(cli.err()).startsWith("berth: unknown command: berth frobnicate");
    }

    @Test
    void containerRun_isTheSameCommand() {
        created();
        cli.daemon.on("POST", "/start$", 204, null, "");
        assertThat(cli.run("container", "run", "-d", "busybox")).isZero();
        assertThat(cli.out()).isEqualTo("c0ffee\n");
    }

    @Test
    void otherCommands_printTheDaemonsErrorAndExit1() {
        cli.daemon.on("POST", "/containers/a/stop", 204, null, "")
                .on("POST", "/containers/b/stop", 404, "application/json", "{\"message\":\"No such container: b\"}");
        assertThat(cli.run("stop", "-t", "1", "a", "b")).isEqualTo(1);
        assertThat(cli.out()).isEqualTo("a\n");
        assertThat(cli.err()).isEqualTo("Error response from daemon: No such container: b\n");
        assertThat(cli.daemon.calls()).first().isEqualTo("POST /v1.50/containers/a/stop?t=1");
    }

    @Test
    void rm_echoesNamesAsGiven() {
        cli.daemon.on("DELETE", "/containers/", 204, null, "");
        assertThat(cli.run("rm", "-fv", "web", "db")).isZero();
        assertThat(cli.out()).isEqualTo("web\ndb\n");
        assertThat(cli.daemon.calls()).containsExactly("DELETE /v1.50/containers/web?v=1&force=1",
                "DELETE /v1.50/containers/db?v=1&force=1");
    }

    @Test
    void version_flag() {
        assertThat(cli.run("-v")).as(cli.err()).isZero();
        assertThat(cli.out()).matches("berth version 0\\.1\\.0, build \\S+\n");
        assertThat(cli.daemon.requests).isEmpty();
    }

    @Test
    void unreachableDaemon_isExplained() {
        CliHarness h = new CliHarness();
        int status = Main.run(new String[] {"ps"}, new CliContext(new java.io.PrintStream(new ByteArrayOutputStream()),
                new java.io.PrintStream(new ByteArrayOutputStream()), java.io.InputStream.nullInputStream(), java.util.Map.of(),
                host -> new dev.berth.api.client.Transport() {
                    @Override
                    public dev.berth.api.client.ApiResponse send(dev.berth.api.client.ApiRequest r) throws IOException {
                        throw new dev.berth.api.client.DaemonUnreachableException(host, new java.net.ConnectException());
                    }

                    @Override
                    public dev.berth.api.client.ApiStream hijack(dev.berth.api.client.ApiRequest r) throws IOException {
                        return null;
                    }
                }, false, false));
        assertThat(status).isEqualTo(1);
        assertThat(h).isNotNull();
    }
}
