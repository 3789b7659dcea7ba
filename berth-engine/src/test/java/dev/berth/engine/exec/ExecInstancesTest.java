package dev.berth.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.types.exec.ExecCreateRequest;
import dev.berth.engine.error.NotFoundException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecInstancesTest {

    private final ExecInstances instances = new ExecInstances();

    @Test
    void aContainersStopDropsItsExecs_andOnlyThose() {
        CompletableFuture<Integer> aStops = new CompletableFuture<>();
        CompletableFuture<Integer> bStops = new CompletableFuture<>();
        instances.add(exec("e1", "a"), () -> aStops);
        instances.add(exec("e2", "a"), () -> aStops);
        instances.add(exec("e3", "b"), () -> bStops);

        aStops.complete(137);

        assertThat(instances.find("e1")).isEmpty();
        assertThat(instances.find("e2")).isEmpty();
        assertThat(instances.find("e3")).isPresent();
        assertThat(instances.size()).isEqualTo(1);
    }

    @Test
    void theRunsEndIsAskedOncePerRun_andAgainForTheNextRun() {
        AtomicInteger asked = new AtomicInteger();
        CompletableFuture<Integer> firstRun = new CompletableFuture<>();
        instances.add(exec("e1", "a"), () -> {
            asked.incrementAndGet();
            return firstRun;
        });
        instances.add(exec("e2", "a"), () -> {
            asked.incrementAndGet();
            return firstRun;
        });
        assertThat(asked).hasValue(1);

        firstRun.complete(0);
        CompletableFuture<Integer> secondRun = new CompletableFuture<>();
        instances.add(exec("e3", "a"), () -> {
            asked.incrementAndGet();
            return secondRun;
        });

        assertThat(asked).hasValue(2);
        assertThat(instances.find("e3")).isPresent();
        secondRun.complete(0);
        assertThat(instances.size()).isZero();
    }

    @Test
    void aContainerRemovedBeforeItsStopCouldBeAwaited_leavesNothingBehind() {
        assertThatThrownBy(() -> instances.add(exec("e1", "gone"), () -> {
            throw new NotFoundException("No such container: gone");
        })).isInstanceOf(NotFoundException.class);

        assertThat(instances.size()).isZero();
        CompletableFuture<Integer> stops = new CompletableFuture<>();
        instances.add(exec("e2", "gone"), () -> stops); // watched again, not stuck as "watched"
        stops.complete(0);
        assertThat(instances.size()).isZero();
    }

    @Test
    void forget_dropsOneExec() {
        instances.add(exec("e1", "a"), CompletableFuture::new);
        instances.add(exec("e2", "a"), CompletableFuture::new);
        instances.forget("e1");
        assertThat(instances.find("e1")).isEmpty();
        assertThat(instances.find("e2")).isPresent();
        assertThat(instances.find(null)).isEmpty();
    }

    private static ExecInstance exec(String id, String containerId) {
        return new ExecInstance(id, containerId, new ExecCreateRequest(null, null, null, null, null, null, null,
                null, null, null, List.of("true")));
    }
}
