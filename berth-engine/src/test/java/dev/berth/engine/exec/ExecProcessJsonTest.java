package dev.berth.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.runtime.spec.ResolvedUser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecProcessJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode container(String env) throws Exception {
        return JSON.readTree("""
                {"terminal":false,"user":{"uid":0,"gid":0},"args":["sleep","1000"],"env":%s,"cwd":"/srv",
                 "capabilities":{"bounding":["CAP_CHOWN"],"effective":["CAP_CHOWN"],"permitted":["CAP_CHOWN"]},
                 "noNewPrivileges":false,"consoleSize":{"height":24,"width":80}}""".formatted(env));
    }

    @Test
    void build_keepsTheContainersProcessAndReplacesTheCommand() throws Exception {
        JsonNode p = ExecProcessJson.build(container("[\"PATH=/bin\",\"HOME=/root\"]"), List.of("echo", "hi"),
                List.of(), null, false, null, null);
        assertThat(p.path("args").toString()).isEqualTo("[\"echo\",\"hi\"]");
        assertThat(p.path("cwd").asText()).isEqualTo("/srv");
        assertThat(p.path("user").path("uid").asInt()).isZero();
        assertThat(p.path("capabilities").path("bounding").toString()).isEqualTo("[\"CAP_CHOWN\"]");
        assertThat(p.path("terminal").asBoolean()).isFalse();
        assertThat(p.has("consoleSize")).isFalse();
    }

    @Test
    void build_appliesUserWorkdirAndPrivileged() throws Exception {
        ResolvedUser nobody = new ResolvedUser(65534, 65534, List.of(5L), "/home");
        JsonNode p = ExecProcessJson.build(container("[\"HOME=/root\"]"), List.of("id"), List.of(), "/tmp", true,
                nobody, List.of("CAP_SYS_ADMIN"));
        assertThat(p.path("user").toString()).isEqualTo("{\"uid\":65534,\"gid\":65534,\"additionalGids\":[5]}");
        assertThat(p.path("cwd").asText()).isEqualTo("/tmp");
        assertThat(p.path("terminal").asBoolean()).isTrue();
        assertThat(p.path("capabilities").path("effective").toString()).isEqualTo("[\"CAP_SYS_ADMIN\"]");
    }

    @Test
    void environment_followsDockersRules() throws Exception {
        record Case(String containerEnv, List<String> execEnv, boolean tty, ResolvedUser user, List<String> expected) {
        }
        ResolvedUser nobody = new ResolvedUser(65534, 65534, List.of(), "/home");
        for (Case c : List.of(
                new Case("[\"PATH=/bin\",\"A=1\"]", List.of("A=2", "B=3"), false, null, List.of("PATH=/bin", "A=2", "B=3")),
                new Case("[\"PATH=/bin\"]", List.of(), true, null, List.of("PATH=/bin", "TERM=xterm")),
                new Case("[\"PATH=/bin\",\"TERM=xterm\"]", List.of(), false, null, List.of("PATH=/bin")),
                new Case("[\"HOME=/root\"]", List.of(), false, nobody, List.of("HOME=/home")),
                new Case("[\"HOME=/root\"]", List.of("HOME=/x"), false, nobody, List.of("HOME=/x")))) {
            assertThat(ExecProcessJson.environment(JSON.readTree(c.containerEnv()), c.execEnv(), c.tty(), c.user()))
                    .as(c.toString()).isEqualTo(c.expected());
        }
    }
}
