package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.InvalidArgumentException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PruneFilterTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void of_prunesOnlyStoppedContainers() {
        var keep = PruneFilter.of(Map.of(), NOW);

        assertThat(keep.test(container(ContainerStatus.EXITED, NOW, Map.of()))).isTrue();
        assertThat(keep.test(container(ContainerStatus.CREATED, NOW, Map.of()))).isTrue();
        assertThat(keep.test(container(ContainerStatus.RUNNING, NOW, Map.of()))).isFalse();
        assertThat(keep.test(container(ContainerStatus.PAUSED, NOW, Map.of()))).isFalse();
        assertThat(keep.test(container(ContainerStatus.RESTARTING, NOW, Map.of()))).isFalse();
    }

    @Test
    void until_takesDurationsAndTimestamps() {
        ContainerRecord old = container(ContainerStatus.EXITED, NOW.minusSeconds(7200), Map.of());
        ContainerRecord fresh = container(ContainerStatus.EXITED, NOW.minusSeconds(60), Map.of());

        for (String until : List.of("1h", "2026-11-29T11:00:00Z", "2026-11-29T11:00:00", "1795950000")) {
            var keep = PruneFilter.of(Map.of("until", List.of(until)), NOW);
            assertThat(keep.test(old)).as(until).isTrue();
            assertThat(keep.test(fresh)).as(until).isFalse();
        }
    }

    @Test
    void label_andNegatedLabel() {
        ContainerRecord tagged = container(ContainerStatus.EXITED, NOW, Map.of("env", "test"));
        ContainerRecord plain = container(ContainerStatus.EXITED, NOW, Map.of());

        assertThat(PruneFilter.of(Map.of("label", List.of("env=test")), NOW).test(tagged)).isTrue();
        assertThat(PruneFilter.of(Map.of("label", List.of("env")), NOW).test(plain)).isFalse();
        assertThat(PruneFilter.of(Map.of("label!", List.of("env")), NOW).test(tagged)).isFalse();
        assertThat(PruneFilter.of(Map.of("label!", List.of("env")), NOW).test(plain)).isTrue();
    }

    @Test
    void of_refusesUnknownFiltersAndBadTimes() {
        assertThatThrownBy(() -> PruneFilter.of(Map.of("status", List.of("exited")), NOW))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("invalid filter 'status'");
        assertThatThrownBy(() -> PruneFilter.of(Map.of("until", List.of("yesterday")), NOW))
                .isInstanceOf(InvalidArgumentException.class);
    }

    private static ContainerRecord container(ContainerStatus status, Instant created, Map<String, String> labels) {
        ContainerConfig config = ContainerConfig.empty();
        config = new ContainerConfig(config.hostname(), config.domainname(), config.user(), config.attachStdin(),
                config.attachStdout(), config.attachStderr(), config.exposedPorts(), config.tty(), config.openStdin(),
                config.stdinOnce(), config.env(), config.cmd(), config.healthcheck(), config.argsEscaped(),
                config.image(), config.volumes(), config.workingDir(), config.entrypoint(), config.networkDisabled(),
                config.onBuild(), labels, config.stopSignal(), config.stopTimeout(), config.shell());
        ContainerRecord.State state = new ContainerRecord.State(status, 0, 0, "", null, null);
        return new ContainerRecord(ContainerId.random(), "c", created, "busybox", "sha256:x", config,
                HostConfig.empty(), "sh", List.of(), state, 0, "crun");
    }
}
