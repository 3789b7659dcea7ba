package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RestartSupervisorTest {

    private static ContainerRecord record(String policy) throws Exception {
        HostConfig host = JsonMapper.builder().build().readValue(
                "{\"RestartPolicy\":{\"Name\":\"" + policy + "\",\"MaximumRetryCount\":0}}", HostConfig.class);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new ContainerRecord(ContainerId.random(), "c", t, "busybox", "sha256:" + "a".repeat(64),
                ContainerConfig.empty(), host, "false", List.of(),
                ContainerRecord.State.created().running(1, t).exited(1, t.plusSeconds(1)), 0, "runc");
    }

    @Test
    void afterExit_backsOffUntilALongRunResetsIt() throws Exception {
        try (var supervisor = new RestartSupervisor()) {
            var r = record("always");
            assertThat(supervisor.afterExit(r, 1, Duration.ZERO)).contains(Duration.ofMillis(100));
            assertThat(supervisor.afterExit(r, 1, Duration.ZERO)).contains(Duration.ofMillis(200));
            assertThat(supervisor.afterExit(r, 0, Duration.ofSeconds(1))).contains(Duration.ofMillis(400));
            assertThat(supervisor.afterExit(r, 0, Duration.ofSeconds(10))).contains(Duration.ofMillis(100));
        }
    }

    @Test
    void afterExit_stopsForManualStopsAndShutdown() throws Exception {
        try (var supervisor = new RestartSupervisor()) {
            var r = record("always");
            assertThat(supervisor.afterExit(r.withManuallyStopped(true), 1, Duration.ZERO)).isEqualTo(Optional.empty());
            assertThat(supervisor.afterExit(record("no"), 1, Duration.ZERO)).isEmpty();
            supervisor.shutDown();
            assertThat(supervisor.afterExit(r, 1, Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void restartsAtBoot_alwaysEvenWhenStoppedByHand_unlessStoppedOnlyIfNot() throws Exception {
        assertThat(RestartSupervisor.restartsAtBoot(record("always").withManuallyStopped(true))).isTrue();
        assertThat(RestartSupervisor.restartsAtBoot(record("unless-stopped"))).isTrue();
        assertThat(RestartSupervisor.restartsAtBoot(record("unless-stopped").withManuallyStopped(true))).isFalse();
        assertThat(RestartSupervisor.restartsAtBoot(record("no"))).isFalse();
        var neverStarted = record("always");
        neverStarted = neverStarted.withState(ContainerRecord.State.created());
        assertThat(RestartSupervisor.restartsAtBoot(neverStarted)).isFalse();
    }

    @Test
    void schedule_runsOnceAndCancelStopsIt() throws Exception {
        try (var supervisor = new RestartSupervisor()) {
            var r = record("always");
            var ran = new CountDownLatch(1);
            supervisor.schedule(r.id(), Duration.ofMillis(10), ran::countDown);
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

            var cancelled = new CountDownLatch(1);
            supervisor.schedule(r.id(), Duration.ofSeconds(30), cancelled::countDown);
            assertThat(supervisor.isPending(r.id())).isTrue();
            supervisor.cancel(r.id());
            assertThat(supervisor.isPending(r.id())).isFalse();
        }
    }

    @Test
    void manuallyStopped_survivesTheStore() throws Exception {
        var dir = java.nio.file.Files.createTempDirectory("store");
        try {
            var store = new ContainerStore(dir);
            var r = record("unless-stopped");
            store.create(r);
            store.update(r.withManuallyStopped(true).withRestartCount(3));
            var reloaded = new ContainerStore(dir).get(r.id().hex());
            assertThat(reloaded.manuallyStopped()).isTrue();
            assertThat(reloaded.restartCount()).isEqualTo(3);
            assertThat(reloaded.hostConfig().restartPolicy().name()).isEqualTo("unless-stopped");
        } finally {
            try (var walk = java.nio.file.Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
