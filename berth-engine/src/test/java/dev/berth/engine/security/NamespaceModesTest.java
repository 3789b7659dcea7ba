package dev.berth.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamespaceModesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HostConfig host(String json) throws Exception {
        return JSON.readValue(json, HostConfig.class);
    }

    private static ObjectNode spec() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"process":{},"mounts":[{"destination":"/dev","type":"tmpfs","source":"tmpfs"},
                                        {"destination":"/dev/shm","type":"tmpfs","source":"shm","options":["size=1"]}],
                 "linux":{"namespaces":[{"type":"mount"},{"type":"network"},{"type":"uts"},{"type":"pid"},{"type":"ipc"}]}}""");
    }

    @Test
    void check_acceptsDockerdsModes() {
        for (String hc : List.of("{}", "{\"PidMode\":\"\"}", "{\"PidMode\":\"host\"}", "{\"PidMode\":\"container:db\"}",
                "{\"IpcMode\":\"host\"}", "{\"IpcMode\":\"private\"}", "{\"IpcMode\":\"shareable\"}",
                "{\"IpcMode\":\"none\"}", "{\"IpcMode\":\"container:4f2a\"}", "{\"UTSMode\":\"host\"}",
                "{\"CgroupnsMode\":\"host\"}", "{\"CgroupnsMode\":\"private\"}", "{\"CgroupnsMode\":\"\"}")) {
            assertThatCode(() -> NamespaceModes.check(host(hc))).as(hc).doesNotThrowAnyException();
        }
    }

    @Test
    void check_refusesUnknownModes_withDockerdsWords() {
        record Case(String hostConfig, String message) {
        }
        for (Case c : List.of(
                new Case("{\"PidMode\":\"private\"}", "invalid PID mode: private"),
                new Case("{\"PidMode\":\"container:\"}", "invalid PID mode: container:"),
                new Case("{\"PidMode\":\"container\"}", "invalid PID mode: container"),
                new Case("{\"IpcMode\":\"bogus\"}", "invalid IPC mode: bogus"),
                new Case("{\"IpcMode\":\"container:\"}", "invalid IPC mode: container:"),
                new Case("{\"UTSMode\":\"container:db\"}", "invalid UTS mode: container:db"),
                new Case("{\"CgroupnsMode\":\"shared\"}", "invalid cgroup namespace mode: shared"))) {
            assertThatThrownBy(() -> NamespaceModes.check(host(c.hostConfig()))).as(c.hostConfig())
                    .isInstanceOf(InvalidArgumentException.class).hasMessage(c.message());
        }
    }

    @Test
    void privateCgroup_unlessTheHostsIsAsked() throws Exception {
        assertThat(NamespaceModes.privateCgroup(host("{}"))).isTrue();
        assertThat(NamespaceModes.privateCgroup(host("{\"CgroupnsMode\":\"private\"}"))).isTrue();
        assertThat(NamespaceModes.privateCgroup(host("{\"CgroupnsMode\":\"host\"}"))).isFalse();
    }

    @Test
    void joinedContainer_isTheNameAfterTheColon() {
        record Case(String mode, Optional<String> target) {
        }
        for (Case c : List.of(new Case(null, Optional.empty()), new Case("", Optional.empty()),
                new Case("host", Optional.empty()), new Case("container:", Optional.empty()),
                new Case("container:db", Optional.of("db")), new Case("container:a:b", Optional.of("a:b")))) {
            assertThat(NamespaceModes.joinedContainer(c.mode())).as(c.mode()).isEqualTo(c.target());
        }
    }

    @Test
    void ipcShareable_onlyShareableHostAndJoinedDonors() {
        record Case(String mode, boolean shareable) {
        }
        for (Case c : List.of(new Case(null, false), new Case("", false), new Case("private", false),
                new Case("none", false), new Case("shareable", true), new Case("host", true),
                new Case("container:db", true))) {
            assertThat(NamespaceModes.ipcShareable(c.mode())).as(c.mode()).isEqualTo(c.shareable());
        }
    }

    @Test
    void join_pointsTheNamespaceAtTheDonorsProcess() throws Exception {
        ObjectNode root = spec();
        NamespaceModes.join(root, "pid", 4242);
        NamespaceModes.join(root, "ipc", 77);
        assertThat(root.at("/linux/namespaces").toString()).isEqualTo("[{\"type\":\"mount\"},{\"type\":\"network\"},"
                + "{\"type\":\"uts\"},{\"type\":\"pid\",\"path\":\"/proc/4242/ns/pid\"},"
                + "{\"type\":\"ipc\",\"path\":\"/proc/77/ns/ipc\"}]");
    }

    @Test
    void ipcNone_dropsTheShmMount_butKeepsItsOwnNamespace() throws Exception {
        ObjectNode root = spec();
        NamespaceModes.apply(root, host("{\"IpcMode\":\"none\"}"));
        assertThat(root.at("/mounts").toString()).isEqualTo("[{\"destination\":\"/dev\",\"type\":\"tmpfs\",\"source\":\"tmpfs\"}]");
        assertThat(root.at("/linux/namespaces/4").toString()).isEqualTo("{\"type\":\"ipc\"}");
    }

    @Test
    void privateShareableAndJoinedModes_leaveTheSpecAsGenerated() throws Exception {
        for (String hc : List.of("{\"IpcMode\":\"private\"}", "{\"IpcMode\":\"shareable\"}",
                "{\"IpcMode\":\"container:db\",\"PidMode\":\"container:db\"}")) {
            ObjectNode root = spec();
            NamespaceModes.apply(root, host(hc));
            assertThat(root).as(hc).isEqualTo(spec());
        }
    }
}
