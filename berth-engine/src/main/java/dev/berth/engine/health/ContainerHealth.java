package dev.berth.engine.health;

import dev.berth.engine.containers.ContainerEvents;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.containers.ContainerStatus;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.events.Event;
import dev.berth.engine.events.EventBus;
import dev.berth.engine.exec.ExecService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Healthchecks of containers: follows the container events (start and unpause begin probing,
 * die and pause end it, destroy forgets), runs probes through exec, keeps each container's
 * health in its {@code health.json} and publishes {@code health_status: <status>} when the
 * status changes, as dockerd does.
 *
 * <p>Lifecycle: {@link #open} before the container service recovers (so starts made by
 * restart policies at boot are seen), {@link #resume()} after it (containers that kept
 * running through a daemon restart start again from "starting", as dockerd's restore does),
 * {@link #close()} at shutdown.
 */
public final class ContainerHealth implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("berthd.health");

    private final ContainerService containers;
    private final ContainerEvents events;
    private final Path containersRoot;
    private final HealthMonitor monitor;
    private final EventBus.Subscription subscription;
    private final Thread follower;
    private volatile boolean closed;

    private ContainerHealth(ContainerService containers, ProbeRunner probes, EventBus bus, Path containersRoot,
            Clock clock) {
        this.containers = containers;
        this.events = new ContainerEvents(bus);
        this.containersRoot = containersRoot;
        this.monitor = new HealthMonitor(probes, clock, this::record);
        this.subscription = bus.subscribe(null);
        this.follower = Thread.ofVirtual().name("health-events").unstarted(this::follow);
    }

    /**
     * Starts following container events.
     *
     * @param containersRoot {@code <data-root>/containers}, where each container's directory is
     */
    public static ContainerHealth open(ContainerService containers, ExecService execs, EventBus bus,
            Path containersRoot, Clock clock) {
        ContainerHealth health = new ContainerHealth(containers, new ExecProbeRunner(execs, clock), bus,
                containersRoot, clock);
        health.follower.start();
        return health;
    }

    /** Begins probing running containers that are not watched yet (after a daemon restart). */
    public void resume() {
        for (ContainerRecord r : containers.list()) {
            if (r.state().status() == ContainerStatus.RUNNING && !monitor.watching(r.id().hex())) {
                begin(r, true);
            }
        }
    }

    /**
     * The health inspect shows: while probing, the live one; else the one kept on disk (a
     * stopped container's last); empty for a container without a healthcheck or never started.
     */
    public Optional<Health> of(ContainerRecord r) {
        if (settings(r).isEmpty()) {
            return Optional.empty();
        }
        Optional<Health> live = monitor.current(r.id().hex());
        return live.isPresent() ? live : HealthFile.read(dir(r.id().hex()));
    }

    private void follow() {
        while (!closed) {
            Event e;
            try {
                e = subscription.next(1, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                return;
            }
            if (e == null || !Event.CONTAINER.equals(e.type())) {
                continue;
            }
            try {
                switch (e.action()) {
                    case "start" -> find(e.actorId()).ifPresent(r -> begin(r, true));
                    case "unpause" -> find(e.actorId()).ifPresent(r -> begin(r, false));
                    case "die", "pause" -> monitor.unwatch(e.actorId());
                    case "destroy" -> monitor.forget(e.actorId());
                    default -> {
                    }
                }
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "health monitor: " + e.action() + " of " + e.actorId() + ": "
                        + ex.getMessage());
            }
        }
    }

    /** Probes {@code r}: from "starting" after a start, from where it was after an unpause. */
    private void begin(ContainerRecord r, boolean started) {
        Optional<HealthSettings> settings = settings(r);
        if (settings.isEmpty() || r.state().startedAt() == null) {
            return;
        }
        String id = r.id().hex();
        Optional<Health> kept = HealthFile.read(dir(id));
        Health initial = started ? kept.map(Health::restarted).orElseGet(Health::starting)
                : kept.orElseGet(Health::starting);
        record(id, initial, false);
        monitor.watch(id, settings.get(), r.state().startedAt(), initial);
    }

    /** The monitor's listener: keep the health on disk, tell event readers when the status changed. */
    private void record(String id, Health health, boolean statusChanged) {
        try {
            HealthFile.write(dir(id), health);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "health of " + id + " not written (removed?): " + e.getMessage());
            return;
        }
        if (statusChanged) {
            find(id).ifPresent(r -> events.emit(r, "health_status: " + health.status().apiName()));
        }
    }

    private Optional<ContainerRecord> find(String id) {
        try {
            return Optional.of(containers.get(id));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private static Optional<HealthSettings> settings(ContainerRecord r) {
        return HealthSettings.of(r.config().healthcheck(), r.config().shell());
    }

    private Path dir(String id) {
        return containersRoot.resolve(id);
    }

    @Override
    public void close() {
        closed = true;
        subscription.close();
        follower.interrupt();
        monitor.close();
    }
}
