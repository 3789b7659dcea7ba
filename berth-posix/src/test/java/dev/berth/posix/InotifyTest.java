package dev.berth.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InotifyTest {

    @TempDir
    Path dir;

    @Test
    void write_isReportedAsModify_throughEpoll_andDeletionEndsTheWatch() throws Exception {
        Path file = dir.resolve("memory.events");
        Files.writeString(file, "oom 0\noom_kill 0\n");
        try (Inotify inotify = new Inotify(); EventPoll poll = new EventPoll()) {
            int watch = inotify.addWatch(file, Inotify.IN_MODIFY);
            poll.add(inotify.fd());
            assertThat(inotify.read()).isEmpty();

            Files.writeString(file, "oom 1\noom_kill 1\n");
            assertThat(poll.await(4, 5000)).containsExactly(inotify.fd());
            assertThat(inotify.read()).isNotEmpty().allMatch(e -> e.watch() == watch && e.mask() == Inotify.IN_MODIFY);

            Files.delete(file);
            assertThat(poll.await(4, 5000)).containsExactly(inotify.fd());
            List<Inotify.Event> last = inotify.read();
            assertThat(last).anyMatch(e -> e.watch() == watch && e.ignored());
            inotify.removeWatch(watch); // already gone: no error
        }
    }
}
