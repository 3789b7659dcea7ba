package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** inspect, ps, images, history and rmi print what docker prints. */
class OutputShapeTest {

    private final CliHarness cli = new CliHarness();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}|{}",
            "[]|[]",
            "{\"a\":[],\"b\":{}}|{\\n    \"a\": [],\\n    \"b\": {}\\n}",
            "[{\"Id\":\"x\",\"Args\":[\"a\",\"b\"]}]|[\\n    {\\n        \"Id\": \"x\",\\n        \"Args\": [\\n            \"a\",\\n            \"b\"\\n        ]\\n    }\\n]",
            "{\"s\":\"a, b: {c}\\u003c\"}|{\\n    \"s\": \"a, b: {c}\\u003c\"\\n}",
    })
    void jsonIndent_isGosJsonIndent(String in, String expected) {
        assertThat(JsonIndent.indent(in, "    ")).isEqualTo(expected.replace("\\n", "\n"));
    }

    @Test
    void inspect_printsTheDaemonsObjectsInAnIndentedArray() {
        cli.daemon.json("GET", "/containers/web/json", "{\"Id\":\"abc\",\"Name\":\"/web\",\"State\":{\"Running\":true,\"Pid\":42}}");
        assertThat(cli.run("inspect", "web")).isZero();
        assertThat(cli.out()).isEqualTo("""
                [
                    {
                        "Id": "abc",
                        "Name": "/web",
                        "State": {
                            "Running": true,
                            "Pid": 42
                        }
                    }
                ]
                """);
    }

    @Test
    void inspect_fallsBackToImages_andAppliesFormat() {
        cli.daemon.json("GET", "/images/busybox/json", "{\"Id\":\"sha256:b0\",\"RepoTags\":[\"busybox:latest\"]}");
        assertThat(cli.run("inspect", "-f", "{{.Id}} {{json .RepoTags}}", "busybox")).isZero();
        assertThat(cli.out()).isEqualTo("sha256:b0 [\"busybox:latest\"]\n");
        assertThat(cli.daemon.calls()).containsExactly("GET /v1.50/containers/busybox/json", "GET /v1.50/images/busybox/json");
    }

    @Test
    void inspect_nothingFound_printsEmptyArrayAndNoSuchObject() {
        assertThat(cli.run("inspect", "ghost")).isEqualTo(1);
        assertThat(cli.out()).isEqualTo("[]\n");
        assertThat(cli.err()).isEqualTo("Error: No such object: ghost\n");
    }

    @Test
    void containerInspect_notFound_isTheDaemonsError() {
        cli.daemon.on("GET", "/containers/ghost/json", 404, "application/json", "{\"message\":\"No such container: ghost\"}");
        assertThat(cli.run("container", "inspect", "ghost")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("Error response from daemon: No such container: ghost\n");
    }

    @Test
    void ps_tableAsDocker() {
        // docker's DisplayablePorts lists a port published on another host port last
        long created = Instant.now().getEpochSecond() - 3 * 3600;
        cli.daemon.json("GET", "/containers/json", """
                [{"Id":"0123456789abcdef0123","Names":["/web"],"Image":"busybox","ImageID":"sha256:b0",
                  "Command":"sh -c 'while true; do sleep 1; done'","Created":%d,"Ports":[
                  {"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},{"PrivatePort":443,"Type":"tcp"}],
                  "State":"running","Status":"Up 3 hours"}]""".formatted(created));
        assertThat(cli.run("ps", "-a", "--filter", "status=running")).isZero();
        assertThat(cli.out()).isEqualTo(
                "CONTAINER ID   IMAGE     COMMAND                  CREATED       STATUS       PORTS                           NAMES\n"
                + "0123456789ab   busybox   \"sh -c 'while true; …\"   3 hours ago   Up 3 hours   443/tcp, 0.0.0.0:8080->80/tcp   web\n");
        assertThat(cli.daemon.calls()).containsExactly(
                "GET /v1.50/containers/json?all=1&filters=%7B%22status%22%3A%7B%22running%22%3Atrue%7D%7D");
    }

    @Test
    void ps_quietAndFormat() {
        cli.daemon.json("GET", "/containers/json", "[{\"Id\":\"0123456789abcdef\",\"Names\":[\"/a\"],\"Created\":0,\"State\":\"exited\",\"Status\":\"Exited (0)\"}]");
        assertThat(cli.run("ps", "-q", "--no-trunc")).isZero();
        assertThat(cli.out()).isEqualTo("0123456789abcdef\n");
        assertThat(cli.run("ps", "-a", "--format", "{{.Names}}\\t{{.State}}")).isZero();
        assertThat(cli.out()).isEqualTo("a\texited\n");
        assertThat(cli.run("ps", "-n", "2")).isZero();
        assertThat(cli.daemon.calls()).last().isEqualTo("GET /v1.50/containers/json?limit=2");
    }

    @Test
    void images_tableWithNoneForDangling() {
        long created = Instant.now().getEpochSecond() - 2 * 24 * 3600 - 60;
        cli.daemon.json("GET", "/images/json", """
                [{"Id":"sha256:0123456789abcdef","RepoTags":["busybox:latest","localhost:5000/bb:1"],"Created":%d,"Size":4261567},
                 {"Id":"sha256:fedcba9876543210","RepoTags":[],"Created":%d,"Size":1200}]""".formatted(created, created));
        assertThat(cli.run("images")).isZero();
        assertThat(cli.out()).isEqualTo("""
                REPOSITORY          TAG       IMAGE ID       CREATED      SIZE
                busybox             latest    0123456789ab   2 days ago   4.26MB
                localhost:5000/bb   1         0123456789ab   2 days ago   4.26MB
                <none>              <none>    fedcba987654   2 days ago   1.2kB
                """);
        assertThat(cli.run("image", "ls", "-q")).isZero();
        assertThat(cli.out()).isEqualTo("0123456789ab\n0123456789ab\nfedcba987654\n");
    }

    @Test
    void rmi_printsUntaggedAndDeleted() {
        cli.daemon.json("DELETE", "/images/busybox", "[{\"Untagged\":\"busybox:latest\"},{\"Deleted\":\"sha256:b0\"}]");
        assertThat(cli.run("rmi", "busybox")).isZero();
        assertThat(cli.out()).isEqualTo("Untagged: busybox:latest\nDeleted: sha256:b0\n");
    }

    @Test
    void history_tableAsDocker() {
        long created = Instant.now().getEpochSecond() - 5 * 60;
        cli.daemon.json("GET", "/images/busybox/history", """
                [{"Id":"sha256:0123456789abcdef","Created":%d,"CreatedBy":"/bin/sh -c #(nop)  CMD [\\"sh\\"]","Size":0,"Comment":""},
                 {"Id":"<missing>","Created":%d,"CreatedBy":"/bin/sh -c #(nop) ADD file:0123456789abcdef in / ","Size":4261567,"Comment":"imported"}]"""
                .formatted(created, created));
        assertThat(cli.run("history", "busybox")).isZero();
        assertThat(cli.out()).isEqualTo("""
                IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT
                0123456789ab   5 minutes ago   /bin/sh -c #(nop)  CMD ["sh"]                   0B       \s
                <missing>      5 minutes ago   /bin/sh -c #(nop) ADD file:0123456789abcdef …   4.26MB    imported
                """);
    }

    @Test
    void save_refusesATerminal() {
        cli.stdoutTerminal = true;
        assertThat(cli.run("save", "busybox")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("cowardly refusing to save to a terminal. Use the -o flag or redirect\n");
        assertThat(cli.daemon.requests).isEmpty();
    }

    @Test
    void import_printsTheImageId() {
        cli.stdin = "tar bytes".getBytes();
        cli.daemon.json("POST", "/images/create", "{\"status\":\"sha256:1mp0rt\"}\n");
        assertThat(cli.run("import", "-m", "hi", "-c", "CMD [\"sh\"]", "-", "base:1")).isZero();
        assertThat(cli.out()).isEqualTo("sha256:1mp0rt\n");
        assertThat(cli.daemon.last("POST", "/images/create").bodyText()).isEqualTo("tar bytes");
    }

    @Test
    void bootstrap_printsTheImageId() {
        cli.daemon.json("POST", "/berth/images/bootstrap", "{\"Id\":\"sha256:b0\"}");
        assertThat(cli.run("image", "bootstrap", "busybox")).isZero();
        assertThat(cli.out()).isEqualTo("sha256:b0\n");
        assertThat(cli.daemon.calls()).containsExactly("POST /v1.50/berth/images/bootstrap?name=busybox");
    }
}
