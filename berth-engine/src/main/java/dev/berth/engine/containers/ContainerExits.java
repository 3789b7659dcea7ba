package dev.berth.engine.containers;

import dev.berth.api.stream.StdStream;
import dev.berth.engine.cgroups.OomWatcher;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.logs.LogStream;
import dev.berth.engine.networks.ContainerNetworking;
import dev.berth.engine.runtime.OciRuntime;
import dev.berth.engine.runtime.RunningTask;
import dev.berth.engine.snapshots.Snapshotter;
import dev.berth.engine.volumes.ContainerMount;
import dev.berth.engine.volumes.ContainerMounts;
import dev.berth.engine.volumes.MountTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The end of a container's run and the restart loop that may follow it. While a run lasts its
 * output is pumped to the log and the attached clients; when the process ends the rootfs is
 * unmounted, the runtime's state deleted and the exit recorded (exited, or restarting when the
 * restart policy covers it, with the restart scheduled on the {@link RestartSupervisor}), then
 * the network and volumes are released and a container with AutoRemove is removed. A stop,
 * kill or removal by hand ends the loop ({@link #stoppedByHand}).
 *
 * <p>Every transition holds the container's {@link LiveContainer}, as the service's do.
 * Running a container again and removing it belong to {@link ContainerStarts} and
 * {@link ContainerRemoval}, which sit above this class (they call it), so those two come in
 * as callbacks.
 */
final class ContainerExits implements AutoCloseable {

    private static final Logger LOG = System.getLogger("berthd.containers");

    /** Starts one run of the container; the caller holds {@code lc} and has checked the state. */
    @FunctionalInterface
    interface Relaunch {
        void launchRun(LiveContainer lc, ContainerRecord record);
    }

    private final ContainerTable table;
    private final ContainerStore store;
    private final OciRuntime runtime;
    private final Snapshotter snapshotter;
    private final ContainerMounts mounts;
    private final Supplier<ContainerNetworking> networking;
    private final ContainerEvents events;
    private final Clock clock;
    private final OomWatcher oom;
    private final Relaunch relaunch;
    private final Consumer<ContainerId> removal;
    private final RestartSupervisor restarts = new RestartSupervisor();

    ContainerExits(ContainerTable table, OciRuntime runtime, Snapshotter snapshotter, ContainerMounts mounts,
            Supplier<ContainerNetworking> networking, ContainerEvents events, Clock clock, OomWatcher oom,
            Relaunch relaunch, Consumer<ContainerId> removal) {
        this.table = table;
        this.store = table.store();
        this.runtime = runtime;
        this.snapshotter = snapshotter;
        this.mounts = mounts;
        this.networking = networking;
        this.events = events;
        this.clock = clock;
        this.oom = oom;
        this.relaunch = relaunch;
        this.removal = removal;
    }

    /** Pumps the task's output to the log and the attached clients, then records its exit. */
    void supervise(LiveContainer lc, RunningTask task, boolean autoRemove) {
        OutputHub hub = lc.hub();
        // Line-splitting streams: one json-file entry per line, as Docker writes them.
        OutputStream logOut = lc.log.stream(LogStream.STDOUT);
        OutputStream logErr = lc.log.stream(LogStream.STDERR);
        lc.logStreams = List.of(logOut, logErr);
        hub.add((stream, data, offset, length) ->
                (stream == StdStream.STDERR ? logErr : logOut).write(data, offset, length));
        // Platform threads: a blocking pipe read does not always release a virtual thread's
        // carrier (seen: two idle containers' pumps held both carriers of a 2-core host).
        Thread out = Thread.ofPlatform().daemon().name("stdout-" + lc.id.shortId()).start(() -> pump(task.stdout(), StdStream.STDOUT, hub));
        Thread err = Thread.ofPlatform().daemon().name("stderr-" + lc.id.shortId()).start(() -> pump(task.stderr(), StdStream.STDERR, hub));
        task.exit().whenComplete((code, failure) -> Thread.ofVirtual().start(() -> {
            join(out);
            join(err);
            onExit(lc, code == null ? 255 : code, autoRemove);
        }));
    }

    private static void pump(InputStream in, StdStream stream, OutputHub hub) {
        byte[] buffer = new byte[32 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                hub.publish(stream, buffer, 0, n);
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "output pipe closed: " + e.getMessage());
        }
    }

    static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A run ended with {@code exitCode} (also for one that ended while the daemon was down). */
    void onExit(LiveContainer lc, int exitCode, boolean autoRemove) {
        synchronized (lc) {
            boolean oomKilled = oom.finish(lc.id.hex(), TaskLauncher.cgroupsPath(lc.id));
            if (lc.rootfs != null) {
                lc.rootfs.close();
                lc.rootfs = null;
            } else {
                snapshotter.unmount(table.paths(lc.id).rootfs());
            }
            runtime.delete(lc.id.hex(), true);
            closeLog(lc);
            store.find(lc.id.hex()).ifPresent(r -> {
                if (r.state().status() != ContainerStatus.REMOVING) {
                    recordExit(r.withState(r.state().withOomKilled(oomKilled)), exitCode);
                }
            });
            // after die, as dockerd's clean-up: network disconnect and volume unmount events follow it
            networking.get().release(lc.id.hex());
            mounts.unmounted(lc.id.hex(), mountsOf(lc.id));
            lc.endRun(exitCode);
        }
        LOG.log(Level.DEBUG, () -> "container " + lc.id.shortId() + " exited with " + exitCode);
        if (autoRemove) {
            removal.accept(lc.id);
        }
    }

    /** The container's mount table; none when its directory went with a removal meanwhile. */
    private List<ContainerMount> mountsOf(ContainerId id) {
        try {
            return MountTable.read(table.paths(id).dataDir());
        } catch (SystemException gone) {
            return List.of();
        }
    }

    /** Records an exit: exited, or restarting when its restart policy covers the exit. */
    private void recordExit(ContainerRecord r, int exitCode) {
        events.emit(r, "die", Map.of("exitCode", Integer.toString(exitCode)));
        var now = clock.instant();
        Duration ranFor = r.state().startedAt() == null ? Duration.ZERO : Duration.between(r.state().startedAt(), now);
        Optional<Duration> delay = restarts.afterExit(r, exitCode, ranFor);
        if (delay.isEmpty()) {
            store.update(r.withState(r.state().exited(exitCode, now)));
            return;
        }
        store.update(r.withState(r.state().restarting(exitCode, now)).withRestartCount(r.restartCount() + 1));
        LOG.log(Level.DEBUG, () -> "restarting container " + r.id().shortId() + " in " + delay.get().toMillis() + " ms");
        restarts.schedule(r.id(), delay.get(), () -> restartNow(r.id()));
    }

    /** A due restart: runs the container again unless it was stopped or removed meanwhile. */
    private void restartNow(ContainerId id) {
        LiveContainer lc = table.findLive(id).orElse(null);
        if (lc == null) {
            return;
        }
        synchronized (lc) {
            Optional<ContainerRecord> record = store.find(id.hex());
            if (record.isEmpty() || record.get().state().status() != ContainerStatus.RESTARTING || lc.hasTask()) {
                return;
            }
            try {
                relaunch.launchRun(lc, record.get());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "failed to restart container " + id.shortId() + ": " + e.getMessage());
            }
        }
    }

    /** A start by hand: a pending restart is cancelled and the back-off forgotten. */
    void startedByHand(ContainerId id) {
        restarts.cancel(id);
    }

    /**
     * A stop or kill by hand: ends the restart loop (a pending restart is cancelled and the
     * container recorded exited) and, unless the daemon itself is stopping, marks the
     * container stopped by hand. Returns whether it was waiting to restart.
     */
    boolean stoppedByHand(LiveContainer lc, ContainerRecord record) {
        synchronized (lc) {
            restarts.cancel(record.id());
            ContainerRecord current = store.find(record.id().hex()).orElse(record);
            boolean waiting = current.state().status() == ContainerStatus.RESTARTING && !lc.hasTask();
            if (waiting) {
                current = current.withState(current.state().exited(current.state().exitCode(),
                        current.state().finishedAt()));
            }
            if (!restarts.isShuttingDown()) {
                current = current.withManuallyStopped(true);
            }
            if (waiting || current.manuallyStopped() != record.manuallyStopped()) {
                store.update(current);
            }
            return waiting;
        }
    }

    /** Closes the run's log: the last partial line of each stream, then the writer. */
    static void closeLog(LiveContainer lc) {
        for (OutputStream partialLine : lc.logStreams) {
            try {
                partialLine.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "writing the last log line of " + lc.id.shortId() + ": " + e.getMessage());
            }
        }
        lc.logStreams = List.of();
        if (lc.log != null) {
            try {
                lc.log.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing log of " + lc.id.shortId() + ": " + e.getMessage());
            }
            lc.log = null;
        }
    }

    /** From now on nothing restarts: the daemon is stopping its containers (not by hand). */
    void shutDown() {
        restarts.shutDown();
    }

    @Override
    public void close() {
        restarts.close();
    }
}
