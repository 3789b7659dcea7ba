package dev.berth.compose.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelGraphTest {

    @Test
    void independentSteps_runAtTheSameTime() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        Map<String, Boolean> met = ParallelGraph.run(List.of("db", "cache"), Map.of(), (node, before) -> {
            both.countDown();
            // only true when the other step is running concurrently
            return both.await(10, TimeUnit.SECONDS);
        });
        assertThat(met).containsEntry("db", true).containsEntry("cache", true);
    }

    @Test
    void aStep_runsAfterItsPredecessors_andSeesTheirResults() throws Exception {
        ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
        Map<String, String> results = ParallelGraph.run(List.of("db", "init", "app"),
                Map.of("app", List.of("db", "init"), "unknown", List.of("db")), (node, before) -> {
                    order.add(node);
                    return node + before.keySet();
                });
        assertThat(results).containsEntry("app", "app[db, init]").containsEntry("db", "db[]");
        assertThat(List.copyOf(order).indexOf("app")).isEqualTo(2);
    }

    @Test
    void aFailure_isThrownAsItself_andItsSuccessorsDoNotRun() {
        ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
        assertThatThrownBy(() -> ParallelGraph.run(List.of("migrate", "app"), Map.of("app", List.of("migrate")),
                (node, before) -> {
                    ran.add(node);
                    if (node.equals("migrate")) {
                        throw new IOException("migrate failed");
                    }
                    return node;
                })).isInstanceOf(IOException.class).hasMessage("migrate failed");
        assertThat(ran).containsExactly("migrate");
    }
}
