package dev.berth.engine.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs each watched container's probes on its schedule and keeps its {@link Health}.
 *
 * <p>Lifecycle of one container: {@link #watch} (the container started or was unpaused) →
 * a probe every {@link HealthSettings#nextDelay} after the previous one ended, each result
 * folded into the health by {@link Health#after} and handed to the {@link Listener} →
 * {@link #unwatch} (stopped, paused, removed): no further probe, a result still in flight is
 * dropped, and the health reads unhealthy. One timer thread only decides when; the probes
 * themselves run on their own threads, so a slow probe never delays another container's.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("berthd.health");

    /** Told about every change of a watched container's health, in order, one at a time per container. */
    @FunctionalInterface
    public interface Listener {

        /** @param statusChanged whether the status differs from the one before (dockerd's {@code health_status} event) */
        void updated(String containerId, Health health, boolean statusChanged);
    }

    private final ProbeRunner probes;
    private final Clock clock;
    private final Listener listener;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("health-timer").unstarted(r));
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    public HealthMonitor(ProbeRunner probes, Clock clock, Listener listener) {
        this.probes = probes;
        this.clock = clock;
        this.listener = listener;
    }

    /** One container's schedule; fields guarded by {@code this}. */
    private static final class Watch {
        final String id;
        final HealthSettings settings;
        final Instant startedAt;
        Health health;
        boolean stopped;
        ScheduledFuture<?> next;

        Watch(String id, HealthSettings settings, Instant startedAt, Health health) {
            this.id = id;
            this.settings = settings;
            this.startedAt = startedAt;
            this.health = health;
        }
    }

    /**
     * Starts probing container {@code id} (replacing an earlier watch of it) from {@code initial}.
     *
     * @param startedAt when the container started: the start period counts from it
     */
    public void watch(String id, HealthSettings settings, Instant startedAt, Health initial) {
        stop(watches.remove(id));
        Watch w = new Watch(id, settings, startedAt, initial);
        watches.put(id, w);
        synchronized (w) {
            scheduleNext(w);
        }
    }

    /**
     * Stops probing {@code id}; returns its last health, now unhealthy (also handed to the
     * listener), or empty when it was not watched.
     */
    public Optional<Health> unwatch(String id) {
        Watch w = watches.remove(id);
        if (w == null) {
            return Optional.empty();
        }
        synchronized (w) {
            stop(w);
            w.health = w.health.monitorStopped();
            listener.updated(id, w.health, false);
            return Optional.of(w.health);
        }
    }

    /** Stops probing {@code id} and forgets it without telling the listener (the container is gone). */
    public void forget(String id) {
        stop(watches.remove(id));
    }

    /** The current health of a watched container. */
    public Optional<Health> current(String id) {
        Watch w = watches.get(id);
        if (w == null) {
            return Optional.empty();
        }
        synchronized (w) {
            return Optional.of(w.health);
        }
    }

    public boolean watching(String id) {
        return watches.containsKey(id);
    }

    private void scheduleNext(Watch w) {
        Duration delay = w.settings.nextDelay(Duration.between(w.startedAt, clock.instant()), w.health.status());
        try {
            w.next = timer.schedule(() -> Thread.ofVirtual().name("health-" + shortId(w.id)).start(() -> probe(w)),
                    delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            w.stopped = true;
        }
    }

    private void probe(Watch w) {
        synchronized (w) {
            if (w.stopped) {
                return;
            }
        }
        ProbeResult result;
        Instant start = clock.instant();
        try {
            result = probes.run(w.id, w.settings.command(), w.settings.timeout());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "health check of container " + shortId(w.id) + " failed: " + e.getMessage());
            result = new ProbeResult(start, clock.instant(), ProbeResult.TIMED_OUT, String.valueOf(e.getMessage()));
        }
        synchronized (w) {
            if (w.stopped) {
                return;
            }
            Health before = w.health;
            w.health = before.after(result, w.settings, Duration.between(w.startedAt, result.start()));
            try {
                listener.updated(w.id, w.health, w.health.status() != before.status());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "recording the health of " + shortId(w.id) + ": " + e.getMessage());
            }
            scheduleNext(w);
        }
    }

    private static void stop(Watch w) {
        if (w == null) {
            return;
        }
        synchronized (w) {
            w.stopped = true;
            if (w.next != null) {
                w.next.cancel(false);
            }
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    @Override
    public void close() {
        watches.values().forEach(HealthMonitor::stop);
        watches.clear();
        timer.shutdownNow();
    }
}
