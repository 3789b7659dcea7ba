package dev.berth.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    private static final Clock CLOCK = Clock.systemUTC();

    private final List<String> changes = Collections.synchronizedList(new ArrayList<>());

    private HealthMonitor monitor(ProbeRunner probes) {
        return new HealthMonitor(probes, CLOCK, (id, health, changed) -> {
            if (changed) {
                changes.add(id + ":" + health.status().apiName());
            }
        });
    }

    @Test
    void watch_probesUntilHealthyAndReportsTheChangeOnce() {
        try (HealthMonitor m = monitor(exiting(0))) {
            m.watch("c1", settings(3), CLOCK.instant(), Health.starting());

            await(() -> m.current("c1").orElseThrow().log().size() >= 3);

            assertThat(m.current("c1").orElseThrow().status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(changes).containsExactly("c1:healthy");
        }
    }

    @Test
    void failures_turnItUnhealthyAfterRetries() {
        try (HealthMonitor m = monitor(exiting(1))) {
            m.watch("c1", settings(2), CLOCK.instant(), Health.starting());

            await(() -> m.current("c1").orElseThrow().status() == HealthStatus.UNHEALTHY);

            assertThat(m.current("c1").orElseThrow().failingStreak()).isGreaterThanOrEqualTo(2);
            assertThat(changes).containsExactly("c1:unhealthy");
        }
    }

    @Test
    void unwatch_stopsProbingAndReadsUnhealthy() {
        AtomicInteger runs = new AtomicInteger();
        try (HealthMonitor m = monitor((id, cmd, timeout) -> {
            runs.incrementAndGet();
            return new ProbeResult(CLOCK.instant(), CLOCK.instant(), 0, "ok");
        })) {
            m.watch("c1", settings(3), CLOCK.instant(), Health.starting());
            await(() -> runs.get() >= 2);

            assertThat(m.unwatch("c1").orElseThrow().status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(m.watching("c1")).isFalse();
            assertThat(m.current("c1")).isEmpty();
            assertThat(m.unwatch("c1")).isEmpty();
        }
    }

    private static HealthSettings settings(int retries) {
        return new HealthSettings(List.of("probe"), Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofMillis(10), retries);
    }

    private static ProbeRunner exiting(int code) {
        return (id, cmd, timeout) -> new ProbeResult(CLOCK.instant(), CLOCK.instant(), code, "");
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.onSpinWait();
        }
    }
}
