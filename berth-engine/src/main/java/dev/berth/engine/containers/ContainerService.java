package dev.berth.engine.containers;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.cgroups.CgroupLayout;
import dev.berth.engine.cgroups.OomWatcher;
import dev.berth.engine.limits.LimitsUpdate;
import dev.berth.engine.limits.ResourceLimits;
import dev.berth.engine.metadata.AtomicFiles;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotModifiedException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.events.EventBus;
import dev.berth.engine.networks.ContainerNetworking;
import dev.berth.engine.logs.JsonFileLogReader;
import dev.berth.engine.logs.LogEntry;
import dev.berth.engine.logs.LogReadOptions;
import dev.berth.engine.runtime.OciRuntime;
import dev.berth.engine.runtime.RunningTask;
import dev.berth.engine.runtime.TaskMonitor;
import dev.berth.engine.runtime.spec.SpecGenerator;
import dev.berth.engine.snapshots.Snapshotter;
import dev.berth.engine.volumes.ContainerMount;
import dev.berth.engine.volumes.ContainerMounts;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Docker's container verbs over the container store, images, snapshots and the OCI runtime:
 * create, start, stop, kill, restart, pause, unpause, wait, remove, rename, attach and logs.
 *
 * <p>Lifecycle: {@code create} writes a record (status created); {@code start} mounts the
 * rootfs, starts the process and records running; when the process ends (by itself, by
 * {@code stop}/{@code kill}) its output is drained, the rootfs unmounted and the exit
 * recorded; {@code remove} deletes the record, the writable layer and the log. A container
 * with AutoRemove is removed when it exits. After a daemon restart {@link #recover()}
 * re-attaches to containers that kept running and marks the others exited.
 *
 * <p>The facade the daemon and the other packages call. It keeps wait, update, rename,
 * attach, logs and inspect's paths, and hands the rest to one collaborator each:
 * {@link ContainerCreation} (create), {@link ContainerFilesystem} (the rootfs for cp and
 * export, mounts, diff, sizes), {@link ContainerStarts} (start and every run),
 * {@link ContainerExits} (a run's output and end, the restart loop), {@link ContainerSignals}
 * (stop, kill, pause), {@link ContainerRemoval} (rm) and {@link ContainerRecovery} (daemon
 * start). They share one {@link ContainerTable}, so a transition holds the same
 * {@link LiveContainer} lock whichever class runs it.
 */
public final class ContainerService implements AutoCloseable {

    private static final Logger LOG = System.getLogger("berthd.containers");

    private final ContainerTable table;
    private final ContainerStore store;
    private final OciRuntime runtime;
    private final TaskLauncher launcher;
    private final ContainerEvents events;
    private volatile ContainerNetworking networking = ContainerNetworking.loopbackOnly();
    private final OomWatcher oom;
    private final ContainerFilesystem filesystem;
    private final ContainerCreation creation;
    private final ContainerExits exits;
    private final ContainerSignals signals;
    private final ContainerRemoval removal;
    private final ContainerStarts starts;
    private final ContainerRecovery recovery;

    public ContainerService(ContainerStore store, ImageResolver images, OciRuntime runtime, TaskMonitor monitor,
            Snapshotter snapshotter, SpecGenerator specs, Path execRoot, Clock clock, ContainerMounts mounts) {
        this(store, images, runtime, monitor, snapshotter, specs, execRoot, clock, mounts, new EventBus(clock));
    }

    /** As above, publishing container events ({@code GET /events}) to {@code events}. */
    public ContainerService(ContainerStore store, ImageResolver images, OciRuntime runtime, TaskMonitor monitor,
            Snapshotter snapshotter, SpecGenerator specs, Path execRoot, Clock clock, ContainerMounts mounts,
            EventBus events) {
        this.events = new ContainerEvents(events);
        this.table = new ContainerTable(store, execRoot);
        this.store = store;
        this.runtime = runtime;
        NamespaceDonors donors = new NamespaceDonors(store::get);
        this.launcher = new TaskLauncher(images, snapshotter, specs, monitor, mounts, donors);
        this.oom = new OomWatcher(CgroupLayout.host(),
                hex -> store.find(hex).ifPresent(r -> this.events.emit(r, "oom")));
        // An exit may run the container again or remove it, which the classes built on top of
        // ContainerExits do: it gets them through this service, once they exist.
        this.exits = new ContainerExits(table, runtime, snapshotter, mounts, this::networking, this.events, clock,
                oom, this::launchRun, this::removeQuietly);
        this.signals = new ContainerSignals(table, runtime, exits, this.events);
        this.removal = new ContainerRemoval(table, runtime, snapshotter, mounts, this::networking, exits, signals,
                this.events);
        this.starts = new ContainerStarts(table, launcher, exits, removal, oom, this.events, clock);
        this.recovery = new ContainerRecovery(table, monitor, oom, exits, starts, removal);
        this.filesystem = new ContainerFilesystem(table, images, launcher);
        this.creation = new ContainerCreation(table, images, launcher, donors, mounts, this::networking, filesystem,
                removal, this.events, clock, runtime);
    }

    public record Created(ContainerRecord record, List<String> warnings) {
    }

    /** Wires the networks (the daemon does; without it containers get loopback or the host's stack). */
    public void useNetworking(ContainerNetworking given) {
        this.networking = given;
        launcher.useNetworking(given);
    }

    public ContainerNetworking networking() {
        return networking;
    }

    public Created create(String name, ContainerConfig request, HostConfig hostConfig) {
        return create(name, request, hostConfig, Map.of());
    }

    /**
     * As {@link #create(String, ContainerConfig, HostConfig)}, with NetworkingConfig's endpoint
     * requests ({@code --network-alias}, {@code --ip}) by network name.
     */
    public Created create(String name, ContainerConfig request, HostConfig hostConfig,
            Map<String, ContainerNetworking.EndpointRequest> networkEndpoints) {
        return creation.create(name, request, hostConfig, networkEndpoints);
    }

    /**
     * Reports what the API did to a container without changing it (attach, resize, top,
     * export, archive-path, extract-to-dir), as dockerd's container events.
     */
    public void announce(String idOrName, String action, Map<String, String> extra) {
        events.emit(store.get(idOrName), action, extra);
    }

    public ContainerRecord get(String idOrName) {
        return store.get(idOrName);
    }

    public List<ContainerRecord> list() {
        return store.list();
    }

    public Path logPath(ContainerRecord record) {
        return paths(record.id()).log(record.id());
    }

    /** The container's mounts as resolved at create (inspect's {@code Mounts}). */
    public List<ContainerMount> mountsOf(ContainerRecord record) {
        return filesystem.mountsOf(record.id());
    }

    /** Work on a container's filesystem: its mounted rootfs and its mount table. */
    @FunctionalInterface
    public interface FilesystemAction<T> {
        T apply(Path rootfs, List<ContainerMount> mounts) throws IOException;
    }

    /**
     * Runs {@code action} on the container's merged filesystem ({@code cp}, {@code export}):
     * the running container's rootfs, or for a stopped one its rootfs mounted for the call
     * and unmounted after (no start can happen meanwhile).
     */
    public <T> T withFilesystem(String idOrName, FilesystemAction<T> action) throws IOException {
        return filesystem.withFilesystem(idOrName, action);
    }

    public ContainerPathsView pathsOf(ContainerRecord record) {
        ContainerPaths p = paths(record.id());
        return new ContainerPathsView(p.etcFile(EtcFiles.HOSTNAME), p.etcFile(EtcFiles.HOSTS),
                p.etcFile(EtcFiles.RESOLV_CONF), p.log(record.id()), p.upperDir(), p.workDir(), p.rootfs());
    }

    /** The OCI bundle of a container's current run (config.json): exec builds its process from it. */
    public Path bundleOf(ContainerRecord record) {
        return paths(record.id()).bundle();
    }

    /** The files of a container that inspect reports. */
    public record ContainerPathsView(Path hostname, Path hosts, Path resolvConf, Path log, Path upperDir,
            Path workDir, Path mergedDir) {
    }

    public void start(String idOrName) {
        starts.start(idOrName);
    }

    /**
     * Sends the stop signal, waits up to {@code timeoutSeconds} (the container's own stop
     * timeout, else 10 s; negative waits forever), then SIGKILL.
     */
    public void stop(String idOrName, Integer timeoutSeconds, String signal) {
        signals.stop(idOrName, timeoutSeconds, signal);
    }

    public void kill(String idOrName, String signal) {
        signals.kill(idOrName, signal);
    }

    public void restart(String idOrName, Integer timeoutSeconds, String signal) {
        ContainerRecord record = store.get(idOrName);
        try {
            stop(record.id().hex(), timeoutSeconds, signal);
        } catch (NotModifiedException alreadyStopped) {
            // restart of a stopped container just starts it
        }
        start(record.id().hex());
        store.update(store.get(record.id().hex()).withRestartCount(0));
        events.emit(store.get(record.id().hex()), "restart");
    }

    /**
     * Freezes every process of a running container ({@code POST /containers/{id}/pause}).
     *
     * @throws ConflictException when it is not running, is restarting or is already paused
     */
    public void pause(String idOrName) {
        signals.pause(idOrName);
    }

    /**
     * Thaws a paused container ({@code POST /containers/{id}/unpause}).
     *
     * @throws ConflictException when it is not paused
     */
    public void unpause(String idOrName) {
        signals.unpause(idOrName);
    }

    /**
     * A future for {@code POST /containers/{id}/wait}: completes with the exit code when the
     * condition is met. Registered synchronously, so a wait made before start sees that run.
     */
    public CompletableFuture<Integer> waitFor(String idOrName, WaitCondition condition) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        synchronized (lc) {
            return switch (condition) {
                case NOT_RUNNING -> lc.hasTask() ? lc.nextExit()
                        : CompletableFuture.completedFuture(record.state().exitCode());
                case NEXT_EXIT -> lc.nextExit();
                case REMOVED -> lc.removed;
            };
        }
    }

    public void remove(String idOrName, boolean force, boolean removeVolumes) {
        removal.remove(idOrName, force, removeVolumes);
    }

    /**
     * {@code POST /containers/{id}/update}: merges the changed limits and restart policy into
     * the record (the next start uses them) and, when the container runs, applies the limits
     * through the runtime's {@code update}. Returns dockerd's warnings.
     */
    public List<String> update(String idOrName, HostConfig changes) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        synchronized (lc) {
            record = store.get(record.id().hex());
            HostConfig merged = LimitsUpdate.merge(record.hostConfig(), changes);
            if (merged.isAutoRemove() && !RestartPolicy.of(merged.restartPolicy()).isNone()) {
                throw new ConflictException("Restart policy cannot be updated because AutoRemove is enabled for the container");
            }
            List<String> warnings = ResourceLimits.check(merged, launcher.hostLimits(), true);
            ContainerStatus status = record.state().status();
            if (status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED) {
                try {
                    Path file = paths(record.id()).bundle().resolve("resources.json");
                    AtomicFiles.write(file, SpecGenerator.toJson(ResourceLimits.toOci(merged, launcher.hostLimits())));
                    runtime.update(record.id().hex(), file);
                } catch (IOException | RuntimeException e) {
                    throw new SystemException("Cannot update container " + record.id().hex() + ": " + e.getMessage(), e);
                }
            }
            ContainerRecord updated = record.withHostConfig(merged);
            store.update(updated);
            events.emit(updated, "update");
            return warnings;
        }
    }

    /** The container's cgroup (OCI cgroupsPath), the same in every hierarchy. */
    public String cgroupOf(ContainerRecord record) {
        return TaskLauncher.cgroupsPath(record.id());
    }

    public void rename(String idOrName, String newName) {
        if (newName == null || newName.isEmpty()) {
            throw new InvalidArgumentException("Neither old nor new names may be empty");
        }
        if (!ContainerCreation.VALID_NAME.matcher(newName).matches()) {
            throw new InvalidArgumentException("Invalid container name (" + newName
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        ContainerRecord record = store.get(idOrName);
        String clean = newName.startsWith("/") ? newName.substring(1) : newName;
        if (record.name().equals(clean)) {
            throw new InvalidArgumentException("Renaming a container with the same name as its current name");
        }
        store.update(record.withName(clean));
        events.emit(record.withName(clean), "rename", Map.of("oldName", "/" + record.name()));
    }

    /**
     * Attaches {@code listener} to the container's output from now until its current or next
     * run ends. Returns a handle to detach early, or empty when the container has already
     * been removed.
     */
    public AutoCloseable attach(String idOrName, OutputHub.Listener listener) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        OutputHub hub = lc.hub();
        if (!hub.add(listener)) {
            listener.end();
        }
        return () -> hub.remove(listener);
    }

    /**
     * Resizes the TTY of a running container ({@code POST /containers/{id}/resize}).
     *
     * @throws ConflictException when it is not running
     * @throws InvalidArgumentException when it has no TTY
     */
    public void resize(String idOrName, int rows, int columns) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        RunningTask task;
        synchronized (lc) {
            task = lc.task;
        }
        if (task == null) {
            throw new ConflictException("Container " + record.id() + " is not running");
        }
        task.terminal().orElseThrow(() -> new InvalidArgumentException("container " + record.id()
                + " has no TTY")).resize(rows, columns);
    }

    /** The stdin of the current or next run, once it has started (only with OpenStdin). */
    public CompletableFuture<RunningTask> started(String idOrName) {
        return liveOf(store.get(idOrName).id()).started();
    }

    /** Streams the json-file log; with {@code follow}, until the container stops. */
    public void logs(String idOrName, LogReadOptions options, Consumer<LogEntry> sink) throws IOException {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        Path log = paths(record.id()).log(record.id());
        if (!Files.exists(log)) {
            return;
        }
        new JsonFileLogReader(log).read(options, sink, () -> !lc.hasTask());
    }

    /** The changes of the container's writable layer against its image ({@code docker diff}). */
    public List<ContainerChanges.Change> changes(String idOrName) throws IOException {
        return filesystem.changes(idOrName);
    }

    /** Size of the writable layer in bytes (for {@code ps -s} and inspect {@code SizeRw}). */
    public long sizeRw(ContainerRecord record) {
        return filesystem.sizeRw(record);
    }

    /** The writable layer plus the image's layers ({@code SizeRootFs}); the rw size alone if the image is gone. */
    public long sizeRootFs(ContainerRecord record, long sizeRw) {
        return filesystem.sizeRootFs(record, sizeRw);
    }

    /**
     * Reconciles records with reality after a daemon start: containers that kept running
     * are re-attached; those that died while the daemon was down are marked exited with the
     * code they left behind (255 when none), and their mounts and runtime state released.
     */
    public void recover() {
        recovery.recover();
    }

    /** Stops every running container as dockerd does on shutdown (their stop signal, then SIGKILL). */
    @Override
    public void close() {
        exits.shutDown();
        List<Thread> stoppers = store.list().stream().filter(ContainerRecord::isRunning)
                .map(r -> Thread.ofVirtual().start(() -> {
                    try {
                        stop(r.id().hex(), null, null);
                    } catch (RuntimeException e) {
                        LOG.log(Level.DEBUG, "stop at shutdown: " + e.getMessage());
                    }
                })).toList();
        stoppers.forEach(ContainerExits::join);
        exits.close();
        oom.close();
    }

    /** For {@link ContainerExits}: a due restart (see the constructor). */
    private void launchRun(LiveContainer lc, ContainerRecord record) {
        starts.launchRun(lc, record);
    }

    /** For {@link ContainerExits}: the removal of an AutoRemove container after its exit. */
    private void removeQuietly(ContainerId id) {
        removal.removeQuietly(id);
    }

    private LiveContainer liveOf(ContainerId id) {
        return table.liveOf(id);
    }

    private ContainerPaths paths(ContainerId id) {
        return table.paths(id);
    }
}
