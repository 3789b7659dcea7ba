package dev.berth.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecuritySpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode spec() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"process":{"capabilities":{}},
                 "mounts":[{"destination":"/sys","options":["nosuid","ro"]},{"destination":"/sys/fs/cgroup","options":["ro"]}],
                 "linux":{"resources":{"devices":[{"allow":false,"access":"rwm"}]},"maskedPaths":["/proc/kcore"],
                          "readonlyPaths":["/proc/sys"],"seccomp":{}}}""");
    }

    private static HostConfig host(String json) throws Exception {
        return JSON.readValue(json, HostConfig.class);
    }

    @Test
    void devicesAndRules_joinTheDefaults() throws Exception {
        ObjectNode root = spec();
        HostConfig h = host("{\"DeviceCgroupRules\":[\"c 42:* rm\"]}");
        SecuritySpec.apply(root, h, List.of("CAP_KILL"), List.of(new HostDevice("/dev/mydev", 'c', 1, 5, 0666, 0, 0, "rwm")));
        assertThat(root.at("/process/capabilities/bounding").toString()).isEqualTo("[\"CAP_KILL\"]");
        assertThat(root.at("/linux/devices/0/path").asText()).isEqualTo("/dev/mydev");
        assertThat(root.at("/linux/resources/devices").toString()).isEqualTo("[{\"allow\":false,\"access\":\"rwm\"},"
                + "{\"allow\":true,\"type\":\"c\",\"major\":1,\"minor\":5,\"access\":\"rwm\"},"
                + "{\"allow\":true,\"type\":\"c\",\"major\":42,\"access\":\"rm\"}]");
        assertThat(root.at("/linux/seccomp").isObject()).isTrue();
    }

    @Test
    void privileged_liftsMasksSeccompAndReadOnlySys_andAllowsEveryDevice() throws Exception {
        ObjectNode root = spec();
        SecuritySpec.apply(root, host("{\"Privileged\":true}"), List.of("CAP_SYS_ADMIN"), List.of());
        assertThat(root.at("/linux/resources/devices").toString()).isEqualTo("[{\"allow\":true,\"access\":\"rwm\"}]");
        assertThat(root.path("linux").has("maskedPaths")).isFalse();
        assertThat(root.path("linux").has("readonlyPaths")).isFalse();
        assertThat(root.path("linux").has("seccomp")).isFalse();
        assertThat(root.at("/mounts/0/options").toString()).isEqualTo("[\"nosuid\"]");
        assertThat(root.at("/mounts/1/options").toString()).isEqualTo("[]");
    }

    @Test
    void check_refusesWhatDockerdRefuses() {
        record Case(String hostConfig, String message) {
        }
        for (Case c : List.of(
                new Case("{\"CapAdd\":[\"FOO\"]}", "unknown capability: \"CAP_FOO\""),
                new Case("{\"DeviceCgroupRules\":[\"x 1:2 rwm\"]}", "invalid device cgroup rule format: 'x 1:2 rwm'"),
                new Case("{\"Devices\":[{\"PathOnHost\":\"/dev/zero\",\"PathInContainer\":\"/dev/z\",\"CgroupPermissions\":\"rwx\"}]}",
                        "invalid device mode: rwx"),
                new Case("{\"Sysctls\":{\"kernel.hostname\":\"x\"}}", "sysctl 'kernel.hostname=x' is not allowed"),
                new Case("{\"ShmSize\":-1}", "SHM size can not be less than 0"),
                new Case("{\"PidMode\":\"bogus\"}", "invalid PID mode: bogus"),
                new Case("{\"UTSMode\":\"container:db\"}", "invalid UTS mode: container:db"))) {
            assertThatThrownBy(() -> SecuritySpec.check(host(c.hostConfig()))).as(c.hostConfig()).hasMessage(c.message());
        }
    }

    @Test
    void hostNamespaces_areLeftOutOfTheSpec() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree("""
                {"process":{},"hostname":"c1","mounts":[{"destination":"/dev/shm","type":"tmpfs","source":"shm","options":["size=1"]}],
                 "linux":{"namespaces":[{"type":"mount"},{"type":"network"},{"type":"uts"},{"type":"pid"},{"type":"ipc"}]}}""");
        SecuritySpec.apply(root, host("{\"PidMode\":\"host\",\"IpcMode\":\"host\",\"UTSMode\":\"host\"}"), List.of(), List.of());
        assertThat(root.at("/linux/namespaces").toString()).isEqualTo("[{\"type\":\"mount\"},{\"type\":\"network\"}]");
        assertThat(root.has("hostname")).isFalse();
        assertThat(root.at("/mounts/0").toString()).isEqualTo(
                "{\"destination\":\"/dev/shm\",\"type\":\"bind\",\"source\":\"/dev/shm\",\"options\":[\"rbind\",\"nosuid\",\"noexec\",\"nodev\"]}");
    }
}
