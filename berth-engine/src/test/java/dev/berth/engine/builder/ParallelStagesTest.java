package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.builder.dockerfile.Instruction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelStagesTest {

    private static List<StagePlan.Stage> stages(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new StagePlan.Stage(i, new Instruction.From(i + 1, "FROM busybox", "busybox", "s" + i, null), List.of()))
                .toList();
    }

    @Test
    void independentStages_runAtTheSameTime() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Set<Integer> overlapped = ConcurrentHashMap.newKeySet();
        ParallelStages.run(stages(2), Map.of(), 2, (stage, position) -> {
            bothStarted.countDown();
            if (bothStarted.await(10, TimeUnit.SECONDS)) {
                overlapped.add(stage.index());
            }
        });
        assertThat(overlapped).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aStage_startsAfterTheStagesItNeeds_andTheLimitHolds() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        ParallelStages.run(stages(3), Map.of(2, Set.of(0, 1)), 1, (stage, position) -> {
            events.add("start " + stage.index());
            events.add("end " + stage.index());
        });
        assertThat(events).hasSize(6);
        for (int i = 0; i < 6; i += 2) {
            assertThat(events.get(i + 1)).isEqualTo("end " + events.get(i).substring(6)); // never two at once
        }
        assertThat(events.subList(4, 6)).containsExactly("start 2", "end 2");
    }

    @Test
    void aFailure_interruptsRunningStages_skipsDependents_andIsThrown() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> ParallelStages.run(stages(3), Map.of(2, Set.of(0)), 3, (stage, position) -> {
            switch (stage.index()) {
                case 0 -> {
                    slowStarted.await();
                    throw new IllegalStateException("stage 0 failed");
                }
                case 1 -> {
                    slowStarted.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        events.add("1 interrupted");
                        throw e;
                    }
                }
                default -> events.add("2 ran");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("stage 0 failed");
        assertThat(events).containsExactly("1 interrupted");
    }
}
