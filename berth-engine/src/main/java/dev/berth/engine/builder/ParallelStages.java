package dev.berth.engine.builder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the stages of a build as soon as the stages they need are built, each on its own
 * virtual thread, at most {@code limit} at a time (RUN steps are processes; more of them
 * than processors only makes each slower). The first failure interrupts the stages still
 * running (a RUN step then removes its container) and is what {@link #run} throws, once
 * every stage's thread has ended; stages that had not started never start.
 */
final class ParallelStages {

    /** Builds one stage; {@code position} is its place in the list given to {@link #run}. */
    @FunctionalInterface
    interface StageBody {
        void build(StagePlan.Stage stage, int position) throws Exception;
    }

    private ParallelStages() {
    }

    /**
     * @param stages in Dockerfile order; a stage's dependencies come before it
     * @param needs  each stage's index to the indexes of the stages it needs (absent: none)
     */
    static void run(List<StagePlan.Stage> stages, Map<Integer, Set<Integer>> needs, int limit, StageBody body)
            throws Exception {
        Map<Integer, CountDownLatch> done = new HashMap<>();
        for (StagePlan.Stage stage : stages) {
            done.put(stage.index(), new CountDownLatch(1));
        }
        Semaphore permits = new Semaphore(Math.max(1, limit));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int position = 0; position < stages.size(); position++) {
            StagePlan.Stage stage = stages.get(position);
            int at = position;
            threads.add(Thread.ofVirtual().name("build-stage-" + stage.index()).unstarted(() -> {
                try {
                    for (int need : needs.getOrDefault(stage.index(), Set.of())) {
                        CountDownLatch latch = done.get(need);
                        if (latch != null) {
                            latch.await();
                        }
                    }
                    permits.acquire();
                    try {
                        if (failure.get() == null) {
                            body.build(stage, at);
                        }
                    } finally {
                        permits.release();
                    }
                } catch (Throwable t) {
                    if (failure.compareAndSet(null, t)) {
                        threads.forEach(other -> {
                            if (other != Thread.currentThread()) {
                                other.interrupt();
                            }
                        });
                    }
                } finally {
                    done.get(stage.index()).countDown();
                }
            }));
        }
        threads.forEach(Thread::start);
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            // the build itself was cancelled: stop its stages (their containers go) and wait for them
            failure.compareAndSet(null, e);
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException again) {
                        // keep waiting: a stage still holds a container or a mount
                    }
                }
            }
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
