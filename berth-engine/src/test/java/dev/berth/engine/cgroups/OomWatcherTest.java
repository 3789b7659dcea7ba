package dev.berth.engine.cgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cgroup v2 path of {@link OomWatcher} against a fake tree in a temp directory: this
 * host's memory controller is on v1, so a real v2 OOM cannot be produced here. The kernel
 * reports a write to {@code memory.events} to inotify as a regular file's would be.
 */
class OomWatcherTest {

    private static final String CGROUP = "/berth/c1";

    @TempDir
    Path root;

    private Path events() throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids\n");
        Path dir = root.resolve("berth/c1");
        Files.createDirectories(dir);
        Path events = dir.resolve("memory.events");
        Files.writeString(events, "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n");
        return events;
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void v2_oomKillWhileRunning_isReportedAtOnce_andStillKnownAfterTheCgroupIsGone() throws Exception {
        Path events = events();
        List<String> ooms = new CopyOnWriteArrayList<>();
        try (OomWatcher watcher = new OomWatcher(CgroupLayout.detect(root), ooms::add)) {
            watcher.watch("c1", CGROUP);
            Files.writeString(events, "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");
            await("the oom callback", () -> ooms.equals(List.of("c1")));

            // the runtime deletes the cgroup before berthd learns of the exit
            Files.delete(events);
            Files.delete(events.getParent());
            assertThat(watcher.finish("c1", CGROUP)).isTrue();
            assertThat(ooms).containsExactly("c1");
        }
    }

    @Test
    void v2_changesWithoutAKill_areNoOom() throws Exception {
        Path events = events();
        List<String> ooms = new CopyOnWriteArrayList<>();
        try (OomWatcher watcher = new OomWatcher(CgroupLayout.detect(root), ooms::add)) {
            watcher.watch("c1", CGROUP);
            Files.writeString(events, "low 0\nhigh 2\nmax 5\noom 0\noom_kill 0\n");
            Files.delete(events);
            assertThat(watcher.finish("c1", CGROUP)).isFalse();
            assertThat(ooms).isEmpty();
        }
    }

    @Test
    void v2_aKillTheThreadHadNotSeenYet_isReadAtFinish() throws Exception {
        Path events = events();
        try (OomWatcher watcher = new OomWatcher(CgroupLayout.detect(root), id -> { })) {
            watcher.watch("c1", CGROUP);
            Files.writeString(events, "oom 1\noom_kill 2\n");
            assertThat(watcher.finish("c1", CGROUP)).isTrue();
            // a new run starts from a new cgroup
            Files.writeString(events, "oom 0\noom_kill 0\n");
            watcher.watch("c1", CGROUP);
            assertThat(watcher.finish("c1", CGROUP)).isFalse();
        }
    }
}
