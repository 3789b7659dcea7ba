package dev.berth.engine.containers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Applies restart policies: decides, when a container's process ends, whether and after
 * which delay it runs again, keeps each container's back-off between its runs, and holds
 * the pending restarts so that a manual stop, a removal or the daemon's shutdown can cancel
 * them. {@link ContainerExits} owns it and calls it on exit, on a start by hand and on a stop,
 * kill or removal by hand; {@link ContainerRecovery} asks {@link #restartsAtBoot}. The restart
 * itself is {@link ContainerStarts}'s (the callback given to {@link #schedule}).
 *
 * <p>Thread-safe. The timer is one daemon thread that only hands each due restart to a
 * virtual thread.
 */
public final class RestartSupervisor implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("restart-timer").factory());
    private final Map<ContainerId, RestartBackoff> backoffs = new ConcurrentHashMap<>();
    private final Map<ContainerId, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    /**
     * The delay before restarting a container whose run of {@code ranFor} just ended with
     * {@code exitCode}, or empty when it stays stopped: no policy covers the exit, it was
     * stopped by hand, or the daemon is shutting down (dockerd's rules).
     */
    public Optional<Duration> afterExit(ContainerRecord record, int exitCode, Duration ranFor) {
        ContainerId id = record.id();
        if (shuttingDown || record.manuallyStopped()
                || !policyOf(record).restartsAfter(exitCode, false, record.restartCount())) {
            backoffs.remove(id);
            return Optional.empty();
        }
        RestartBackoff next = backoffs.getOrDefault(id, RestartBackoff.INITIAL).next(ranFor);
        backoffs.put(id, next);
        return Optional.of(next.delay());
    }

    /**
     * Whether berthd starts this stopped container when it starts itself: one that ran
     * before and whose policy covers its last exit ({@code always} even after a manual stop,
     * {@code unless-stopped} only if not stopped by hand), as dockerd does at start.
     */
    public static boolean restartsAtBoot(ContainerRecord record) {
        ContainerRecord.State s = record.state();
        return s.startedAt() != null && !record.isRunning()
                && policyOf(record).restartsAfter(s.exitCode(), record.manuallyStopped(), record.restartCount());
    }

    /** Runs {@code restart} on a virtual thread after {@code delay}, unless cancelled first. */
    public void schedule(ContainerId id, Duration delay, Runnable restart) {
        if (shuttingDown) {
            return;
        }
        ScheduledFuture<?> future = timer.schedule(() -> {
            pending.remove(id);
            Thread.ofVirtual().name("restart-" + id.shortId()).start(restart);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(id, future);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** Whether a restart of the container is waiting for its delay. */
    public boolean isPending(ContainerId id) {
        return pending.containsKey(id);
    }

    /** Cancels a pending restart and forgets the back-off (manual stop, start or removal). */
    public void cancel(ContainerId id) {
        backoffs.remove(id);
        ScheduledFuture<?> future = pending.remove(id);
        if (future != null) {
            future.cancel(false);
        }
    }

    /** From now on nothing restarts: the daemon is stopping its containers. */
    public void shutDown() {
        shuttingDown = true;
        List.copyOf(pending.keySet()).forEach(this::cancel);
    }

    public boolean isShuttingDown() {
        return shuttingDown;
    }

    @Override
    public void close() {
        shutDown();
        timer.shutdownNow();
    }

    /** A record's policy; one stored before validation existed counts as {@code no}. */
    static RestartPolicy policyOf(ContainerRecord record) {
        try {
            return RestartPolicy.of(record.hostConfig() == null ? null : record.hostConfig().restartPolicy());
        } catch (RuntimeException invalid) {
            return RestartPolicy.NO;
        }
    }
}
