package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.SystemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceDonorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static HostConfig host(String json) throws Exception {
        return JSON.readValue(json, HostConfig.class);
    }

    private static ContainerRecord donor(String hostJson, ContainerRecord.State state) throws Exception {
        return new ContainerRecord(ContainerId.random(), "d", T, "busybox", "sha256:" + "a".repeat(64),
                ContainerConfig.empty(), host(hostJson), "sleep", List.of("60"), state, 0, "runc");
    }

    private static NamespaceDonors donors(Map<String, ContainerRecord> byName) {
        return new NamespaceDonors(ref -> {
            ContainerRecord r = byName.get(ref);
            if (r == null) {
                throw new NotFoundException("No such container: " + ref);
            }
            return r;
        });
    }

    private static ObjectNode spec() throws Exception {
        return (ObjectNode) JSON.readTree("{\"linux\":{\"namespaces\":[{\"type\":\"mount\"},{\"type\":\"pid\"},{\"type\":\"ipc\"}]}}");
    }

    @Test
    void join_usesTheRunningDonorsInitPid() throws Exception {
        ContainerRecord running = donor("{\"IpcMode\":\"shareable\"}", ContainerRecord.State.created().running(4242, T));
        ObjectNode spec = spec();
        donors(Map.of("db", running)).join(spec, host("{\"PidMode\":\"container:db\",\"IpcMode\":\"container:db\"}"));
        assertThat(spec.at("/linux/namespaces").toString()).isEqualTo("[{\"type\":\"mount\"},"
                + "{\"type\":\"pid\",\"path\":\"/proc/4242/ns/pid\"},{\"type\":\"ipc\",\"path\":\"/proc/4242/ns/ipc\"}]");
    }

    @Test
    void join_refusesWhatDockerdRefuses() throws Exception {
        ContainerRecord.State created = ContainerRecord.State.created();
        ContainerRecord stopped = donor("{}", created.running(7, T).exited(0, T));
        ContainerRecord restarting = donor("{}", created.running(7, T).restarting(1, T));
        ContainerRecord privateIpc = donor("{\"IpcMode\":\"private\"}", created.running(7, T));
        ContainerRecord defaultIpc = donor("{}", created.running(7, T));
        ContainerRecord noIpc = donor("{\"IpcMode\":\"none\"}", created.running(7, T));
        NamespaceDonors donors = donors(Map.of("stopped", stopped, "restarting", restarting, "private", privateIpc,
                "default", defaultIpc, "none", noIpc));
        record Case(String hostConfig, String message) {
        }
        String nonShareable = ": non-shareable IPC (hint: use IpcMode:shareable for the donor container)";
        for (Case c : List.of(
                new Case("{\"PidMode\":\"container:gone\"}", "failed to join PID namespace: No such container: gone"),
                new Case("{\"PidMode\":\"container:stopped\"}",
                        "failed to join PID namespace: container " + stopped.id().hex() + " is not running"),
                new Case("{\"IpcMode\":\"container:stopped\"}",
                        "failed to join IPC namespace: container " + stopped.id().hex() + " is not running"),
                new Case("{\"PidMode\":\"container:restarting\"}", "failed to join PID namespace: Container "
                        + restarting.id().hex() + " is restarting, wait until the container is running"),
                new Case("{\"IpcMode\":\"container:private\"}",
                        "failed to join IPC namespace: container " + privateIpc.id().hex() + nonShareable),
                new Case("{\"IpcMode\":\"container:default\"}",
                        "failed to join IPC namespace: container " + defaultIpc.id().hex() + nonShareable),
                new Case("{\"IpcMode\":\"container:none\"}",
                        "failed to join IPC namespace: container " + noIpc.id().hex() + nonShareable))) {
            assertThatThrownBy(() -> donors.join(spec(), host(c.hostConfig()))).as(c.hostConfig())
                    .isInstanceOf(SystemException.class).hasMessage(c.message());
        }
    }

    @Test
    void checkExist_atCreate_needsTheDonorButNotItsState() throws Exception {
        ContainerRecord stopped = donor("{}", ContainerRecord.State.created());
        NamespaceDonors donors = donors(Map.of("stopped", stopped));
        donors.checkExist(host("{\"PidMode\":\"container:stopped\",\"IpcMode\":\"container:stopped\"}"));
        donors.checkExist(host("{\"PidMode\":\"host\",\"IpcMode\":\"shareable\"}"));
        assertThatThrownBy(() -> donors.checkExist(host("{\"IpcMode\":\"container:gone\"}")))
                .isInstanceOf(NotFoundException.class).hasMessage("No such container: gone");
    }
}
