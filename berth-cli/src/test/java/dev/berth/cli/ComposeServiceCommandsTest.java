package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** compose scale/stats/attach against a fake daemon: their errors and the requests they make. */
class ComposeServiceCommandsTest {

    private final CliHarness cli = new CliHarness();

    private static String container(String id, String service, int number) {
        return """
                {"Id":"%s","Names":["/demo-%s-%d"],"State":"running","Image":"busybox","Labels":{
                "com.docker.compose.project":"demo","com.docker.compose.service":"%s",
                "com.docker.compose.container-number":"%d","com.docker.compose.oneoff":"False"}}"""
                .formatted(id, service, number, service, number);
    }

    @Test
    void scale_malformedSpecifier_failsBeforeLoadingAnything() {
        assertThat(cli.run("compose", "-p", "demo", "scale", "web")).isEqualTo(1);
        assertThat(cli.err()).contains("invalid scale specifier: web");
        assertThat(cli.daemon.calls()).isEmpty();
    }

    @Test
    void attach_serviceWithoutRunningContainer_isNotRunning() {
        cli.daemon.json("GET", "/containers/json", "[]");
        assertThat(cli.run("compose", "-p", "demo", "attach", "web")).isEqualTo(1);
        assertThat(cli.err()).contains("service \"web\" is not running");
    }

    @Test
    void attach_missingIndex_namesTheContainerNumber() {
        cli.daemon.json("GET", "/containers/json", "[" + container("aaa111", "web", 1) + "]");
        assertThat(cli.run("compose", "-p", "demo", "attach", "--index", "2", "web")).isEqualTo(1);
        assertThat(cli.err()).contains("service \"web\" is not running container #2");
    }

    @Test
    void attach_index_attachesToThatReplicaWithoutStdinAndExitsWithItsCode() {
        cli.daemon.json("GET", "/containers/json", "[" + container("aaa111", "web", 1) + ","
                        + container("bbb222", "web", 2) + "," + container("ccc333", "db", 1) + "]")
                .json("GET", "/containers/bbb222/json", """
                        {"Id":"bbb222","State":{"Running":true},"Config":{"Tty":false,"OpenStdin":false}}""")
                .json("POST", "/wait", "{\"StatusCode\":7}")
                .on("POST", "/attach", 101, "application/vnd.docker.raw-stream", new byte[0]);

        assertThat(cli.run("compose", "-p", "demo", "attach", "--index", "2", "--sig-proxy=false", "web")).isEqualTo(7);
        assertThat(cli.daemon.calls()).contains(
                "GET /v1.50/containers/bbb222/json",
                "POST /v1.50/containers/bbb222/attach?stream=1&stdout=1&stderr=1");
    }

    @Test
    void stats_projectWithoutContainers_printsTheEmptyTableOnly() {
        cli.daemon.json("GET", "/containers/json", "[]");
        assertThat(cli.run("compose", "-p", "demo", "stats", "--no-stream")).isZero();
        assertThat(cli.out()).startsWith("CONTAINER ID").doesNotContain("\n\n").hasLineCount(1);
    }
}
