package dev.berth.daemon.router.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.containers.ContainerId;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerStatus;
import dev.berth.engine.error.InvalidArgumentException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerFiltersTest {

    private static ContainerRecord record(String name, ContainerStatus status, int exitCode, Map<String, String> labels) {
        var config = new ContainerConfig(null, null, null, null, null, null, null, null, null, null, null,
                List.of("true"), null, null, "busybox", null, null, null, null, null, labels, null, null, null);
        return new ContainerRecord(ContainerId.random(), name, Instant.now(), "busybox", "sha256:" + "b".repeat(64),
                config, HostConfig.empty(), "true", List.of(),
                new ContainerRecord.State(status, 0, exitCode, "", null, null), 0, "runc");
    }

    @Test
    void label_matchesKeyOrKeyValue() {
        var web = record("web", ContainerStatus.RUNNING, 0, Map.of("tier", "web"));
        assertThat(ContainerFilters.of(Map.of("label", List.of("tier"))).test(web)).isTrue();
        assertThat(ContainerFilters.of(Map.of("label", List.of("tier=web"))).test(web)).isTrue();
        assertThat(ContainerFilters.of(Map.of("label", List.of("tier=db"))).test(web)).isFalse();
    }

    @Test
    void statusAndExited_matchTheState() {
        var exited = record("job", ContainerStatus.EXITED, 3, Map.of());
        assertThat(ContainerFilters.of(Map.of("status", List.of("exited"))).test(exited)).isTrue();
        assertThat(ContainerFilters.of(Map.of("status", List.of("running"))).test(exited)).isFalse();
        assertThat(ContainerFilters.of(Map.of("exited", List.of("3"))).test(exited)).isTrue();
        assertThat(ContainerFilters.of(Map.of("exited", List.of("0"))).test(exited)).isFalse();
    }

    @Test
    void nameIdAndAncestor() {
        var r = record("my-web-1", ContainerStatus.CREATED, 0, Map.of());
        assertThat(ContainerFilters.of(Map.of("name", List.of("web"))).test(r)).isTrue();
        assertThat(ContainerFilters.of(Map.of("id", List.of(r.id().hex().substring(0, 6)))).test(r)).isTrue();
        assertThat(ContainerFilters.of(Map.of("ancestor", List.of("busybox:latest"))).test(r)).isTrue();
        assertThat(ContainerFilters.of(Map.of("ancestor", List.of("alpine"))).test(r)).isFalse();
    }

    @Test
    void unknownKeysAndStatuses_areRefused() {
        assertThatThrownBy(() -> ContainerFilters.of(Map.of("colour", List.of("red"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("invalid filter 'colour'");
        assertThatThrownBy(() -> ContainerFilters.of(Map.of("status", List.of("sleepy"))))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
