package dev.berth.compose.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Gathers the changed paths of one burst (an editor's save, a {@code git checkout}) into one
 * batch, as compose debounces: a batch is ready once no change came for the quiet period, or
 * once its first change is {@code longest} old, so that a steady stream of writes still gets
 * synced. Times are the caller's monotonic nanoseconds ({@link System#nanoTime()}; a fake
 * clock in tests). Not thread-safe.
 */
public final class ChangeBatcher {

    /** Compose waits half a second of quiet before acting. */
    public static final Duration QUIET = Duration.ofMillis(500);
    public static final Duration LONGEST = Duration.ofSeconds(10);

    private final long quiet;
    private final long longest;
    private final Set<Path> pending = new LinkedHashSet<>();
    private long first;
    private long last;

    public ChangeBatcher(Duration quiet, Duration longest) {
        this.quiet = quiet.toNanos();
        this.longest = longest.toNanos();
    }

    /** Records a change of {@code path} seen at {@code now}. */
    public void add(Path path, long now) {
        if (pending.isEmpty()) {
            first = now;
        }
        last = now;
        pending.add(path);
    }

    /** Whether the pending changes form a complete batch at {@code now}. */
    public boolean ready(long now) {
        return !pending.isEmpty() && (now - last >= quiet || now - first >= longest);
    }

    /** How long from {@code now} until the batch is ready; {@code Long.MAX_VALUE} when nothing is pending. */
    public long nanosUntilReady(long now) {
        if (pending.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, Math.min(last + quiet, first + longest) - now);
    }

    /** The batch, in the order first seen; the batcher is empty afterwards. */
    public Set<Path> drain() {
        Set<Path> batch = new LinkedHashSet<>(pending);
        pending.clear();
        return batch;
    }
}
