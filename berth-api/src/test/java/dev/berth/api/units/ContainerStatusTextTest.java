package dev.berth.api.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContainerStatusTextTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Instant STARTED = NOW.minusSeconds(3);
    private static final Instant FINISHED = NOW.minusSeconds(180);

    private static ContainerStatusText.State state(boolean running, boolean paused, boolean restarting,
                                                   boolean removing, boolean dead, int exit,
                                                   Instant started, Instant finished, String health) {
        return new ContainerStatusText.State(running, paused, restarting, removing, dead, exit, started, finished, health);
    }

    @Test
    void created_whenNeverStarted() {
        assertThat(ContainerStatusText.of(state(false, false, false, false, false, 0, null, null, null), NOW))
                .isEqualTo("Created");
        Instant goZero = Instant.parse("0001-01-01T00:00:00Z");
        assertThat(ContainerStatusText.of(state(false, false, false, false, false, 0, goZero, goZero, null), NOW))
                .isEqualTo("Created");
    }

    @Test
    void up_whenRunning() {
        assertThat(ContainerStatusText.of(state(true, false, false, false, false, 0, STARTED, null, null), NOW))
                .isEqualTo("Up 3 seconds");
    }

    @Test
    void paused_winsOverHealth() {
        assertThat(ContainerStatusText.of(state(true, true, false, false, false, 0, STARTED, null, "healthy"), NOW))
                .isEqualTo("Up 3 seconds (Paused)");
    }

    @Test
    void health_isAppendedToUp() {
        assertThat(ContainerStatusText.of(state(true, false, false, false, false, 0, STARTED, null, "healthy"), NOW))
                .isEqualTo("Up 3 seconds (healthy)");
        assertThat(ContainerStatusText.of(state(true, false, false, false, false, 0, STARTED, null, "starting"), NOW))
                .isEqualTo("Up 3 seconds (health: starting)");
    }

    @Test
    void restarting_reportsLastExitAndWhenItFinished() {
        assertThat(ContainerStatusText.of(state(true, false, true, false, false, 1, STARTED, NOW.minusSeconds(2), null), NOW))
                .isEqualTo("Restarting (1) 2 seconds ago");
    }

    @Test
    void exited_reportsCodeAndAge() {
        assertThat(ContainerStatusText.of(state(false, false, false, false, false, 0, FINISHED.minusSeconds(5), FINISHED, null), NOW))
                .isEqualTo("Exited (0) 3 minutes ago");
        assertThat(ContainerStatusText.of(state(false, false, false, false, false, 137, STARTED, NOW.minusSeconds(1), null), NOW))
                .isEqualTo("Exited (137) 1 second ago");
    }

    @Test
    void removalAndDead_whenNotRunning() {
        assertThat(ContainerStatusText.of(state(false, false, false, true, true, 0, STARTED, FINISHED, null), NOW))
                .isEqualTo("Removal In Progress");
        assertThat(ContainerStatusText.of(state(false, false, false, false, true, 0, STARTED, FINISHED, null), NOW))
                .isEqualTo("Dead");
    }

    @Test
    void empty_whenStartedButNeverFinishedAndNotRunning() {
        assertThat(ContainerStatusText.of(state(false, false, false, false, false, 0, STARTED, null, null), NOW))
                .isEmpty();
    }
}
