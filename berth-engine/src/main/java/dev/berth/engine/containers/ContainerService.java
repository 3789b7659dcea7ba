package dev.berth.engine.containers;

import dev.berth.api.stream.StdStream;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.cgroups.CgroupLayout;
import dev.berth.engine.cgroups.OomWatcher;
import dev.berth.engine.limits.LimitsUpdate;
import dev.berth.engine.limits.ResourceLimits;
import dev.berth.engine.metadata.AtomicFiles;
import dev.berth.engine.error.BerthException;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.NotModifiedException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.events.EventBus;
import dev.berth.engine.networks.ContainerNetworking;
import dev.berth.engine.logs.JsonFileLogReader;
import dev.berth.engine.logs.JsonFileLogWriter;
import dev.berth.engine.logs.LogEntry;
import dev.berth.engine.logs.LogReadOptions;
import dev.berth.engine.logs.LogStream;
import dev.berth.engine.runtime.OciRuntime;
import dev.berth.engine.runtime.RecoveredTask;
import dev.berth.engine.runtime.RunningTask;
import dev.berth.engine.runtime.StartFailedException;
import dev.berth.engine.runtime.TaskMonitor;
import dev.berth.engine.runtime.spec.SpecGenerator;
import dev.berth.engine.snapshots.Snapshotter;
import dev.berth.engine.volumes.ContainerMount;
import dev.berth.engine.volumes.ContainerMounts;
import dev.berth.engine.volumes.MountTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

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
 */
public final class ContainerService implements AutoCloseable {

    private static final Logger LOG = System.getLogger("berthd.containers");
    private static final Pattern VALID_NAME = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
    private static final int DEFAULT_STOP_TIMEOUT = 10;

    private final ContainerStore store;
    private final ImageResolver images;
    private final OciRuntime runtime;
    private final TaskMonitor monitor;
    private final Snapshotter snapshotter;
    private final TaskLauncher launcher;
    private final Path execRoot;
    private final Clock clock;
    private final ContainerMounts mounts;
    private final Map<ContainerId, LiveContainer> live = new ConcurrentHashMap<>();
    private final RestartSupervisor restarts = new RestartSupervisor();
    private final ContainerEvents events;
    private volatile ContainerNetworking networking = ContainerNetworking.loopbackOnly();
    private final OomWatcher oom;

    public ContainerService(ContainerStore store, ImageResolver images, OciRuntime runtime, TaskMonitor monitor,
            Snapshotter snapshotter, SpecGenerator specs, Path execRoot, Clock clock, ContainerMounts mounts) {
        this(store, images, runtime, monitor, snapshotter, specs, execRoot, clock, mounts, new EventBus(clock));
    }

    /** As above, publishing container events ({@code GET /events}) to {@code events}. */
    public ContainerService(ContainerStore store, ImageResolver images, OciRuntime runtime, TaskMonitor monitor,
            Snapshotter snapshotter, SpecGenerator specs, Path execRoot, Clock clock, ContainerMounts mounts,
            EventBus events) {
        this.events = new ContainerEvents(events);
        this.store = store;
        this.mounts = mounts;
        this.images = images;
        this.runtime = runtime;
        this.monitor = monitor;
        this.snapshotter = snapshotter;
        this.launcher = new TaskLauncher(images, snapshotter, specs, monitor, mounts, new NamespaceDonors(store::get));
        this.execRoot = execRoot;
        this.clock = clock;
        this.oom = new OomWatcher(CgroupLayout.host(),
                hex -> store.find(hex).ifPresent(r -> this.events.emit(r, "oom")));
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
        if (request.image() == null || request.image().isEmpty()) {
            throw new InvalidArgumentException("config cannot be empty in order to create a container");
        }
        if (name != null && !name.isEmpty() && !VALID_NAME.matcher(name).matches()) {
            throw new InvalidArgumentException("Invalid container name (" + name
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        ImageResolver.ResolvedImage image = images.resolve(request.image());
        ContainerConfig config = ConfigMerger.merge(image.config(), request);
        List<String> line = ConfigMerger.commandLine(config);
        HostConfig host = hostConfig != null ? hostConfig : HostConfig.empty();
        if (!RestartPolicy.of(host.restartPolicy()).isNone() && host.isAutoRemove()) {
            throw new InvalidArgumentException("can't create 'AutoRemove' container with restart policy");
        }
        List<String> warnings = ContainerLimits.check(host, launcher.hostLimits());
        new NamespaceDonors(store::get).checkExist(host);
        List<ContainerMount> resolvedMounts = mounts.resolve(config, host,
                ref -> MountTable.read(paths(store.get(ref).id()).dataDir()));
        ContainerId id = ContainerId.random();
        networking.declare(id.hex(), host.networkMode(), networkEndpoints);
        String finalName = name == null || name.isEmpty() ? NameGenerator.generate(store::isNameTaken)
                : name.startsWith("/") ? name.substring(1) : name;
        ContainerRecord record = new ContainerRecord(id, finalName, clock.instant(), request.image(), image.id(),
                config, host, line.getFirst(), List.copyOf(line.subList(1, line.size())),
                ContainerRecord.State.created(), 0, runtime.name());
        store.create(record);
        MountTable.write(paths(id).dataDir(), resolvedMounts);
        live.put(id, new LiveContainer(id));
        if (ContainerMounts.needsPopulating(resolvedMounts)) {
            populateVolumes(id, resolvedMounts);
        }
        events.emit(record, "create");
        return new Created(record, warnings);
    }

    /** Copy-up at create, on the rootfs mounted for it; a failure undoes the create. */
    private void populateVolumes(ContainerId id, List<ContainerMount> resolvedMounts) {
        try {
            withFilesystem(id.hex(), (rootfs, own) -> {
                mounts.populate(resolvedMounts, rootfs);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            removeQuietly(id);
            throw e instanceof BerthException b ? b
                    : new SystemException("failed to populate volumes: " + e.getMessage(), e);
        }
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
        return MountTable.read(paths(record.id()).dataDir());
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
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        ContainerPaths paths = paths(record.id());
        List<ContainerMount> own = MountTable.read(paths.dataDir());
        if (lc.hasTask()) {
            return action.apply(paths.rootfs(), own);
        }
        synchronized (lc) {
            if (lc.hasTask()) {
                return action.apply(paths.rootfs(), own);
            }
            try (var mounted = launcher.mount(record, paths)) {
                return action.apply(mounted.target(), own);
            }
        }
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
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        synchronized (lc) {
            record = store.get(record.id().hex());
            if (record.isRunning() || lc.hasTask()) {
                throw new NotModifiedException("container already started");
            }
            if (record.state().status() == ContainerStatus.REMOVING) {
                throw new ConflictException("container is marked for removal and cannot be started");
            }
            // A start by hand begins a new restart loop, as dockerd resets its restart manager.
            restarts.cancel(record.id());
            if (record.manuallyStopped() || record.restartCount() != 0) {
                record = record.withManuallyStopped(false).withRestartCount(0);
                store.update(record);
            }
            launchRun(lc, record);
        }
    }

    /** Starts one run of the container; the caller holds {@code lc} and has checked the state. */
    private void launchRun(LiveContainer lc, ContainerRecord record) {
        ContainerPaths paths = paths(record.id());
        TaskLauncher.Launched launched;
        try {
            lc.log = new JsonFileLogWriter(paths.log(record.id()));
            launched = launcher.launch(record, paths);
        } catch (StartFailedException e) {
            closeLog(lc);
            recordStartFailure(lc, record, e.failure().exitCode(), e.failure().message());
            throw e.failure().toException();
        } catch (IOException e) {
            throw new SystemException("failed to open the log of " + record.id() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeLog(lc);
            recordStartFailure(lc, record, 128, e.getMessage());
            throw e;
        }
        lc.task = launched.task();
        lc.rootfs = launched.rootfs();
        ContainerRecord running = record.withState(record.state().running((int) launched.task().pid(), clock.instant()));
        store.update(running);
        oom.watch(record.id().hex(), TaskLauncher.cgroupsPath(record.id()));
        events.emit(running, "start");
        lc.started().complete(launched.task());
        supervise(lc, launched.task(), running.hostConfig().isAutoRemove());
    }

    private void recordStartFailure(LiveContainer lc, ContainerRecord record, int exitCode, String message) {
        store.update(record.withState(record.state().failedToStart(exitCode, message, clock.instant())));
        lc.failStart(exitCode);
        if (record.hostConfig().isAutoRemove()) {
            removeQuietly(record.id());
        }
    }

    /** Pumps the task's output to the log and the attached clients, then records its exit. */
    private void supervise(LiveContainer lc, RunningTask task, boolean autoRemove) {
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

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onExit(LiveContainer lc, int exitCode, boolean autoRemove) {
        synchronized (lc) {
            boolean oomKilled = oom.finish(lc.id.hex(), TaskLauncher.cgroupsPath(lc.id));
            if (lc.rootfs != null) {
                lc.rootfs.close();
                lc.rootfs = null;
            } else {
                snapshotter.unmount(paths(lc.id).rootfs());
            }
            runtime.delete(lc.id.hex(), true);
            closeLog(lc);
            store.find(lc.id.hex()).ifPresent(r -> {
                if (r.state().status() != ContainerStatus.REMOVING) {
                    recordExit(r.withState(r.state().withOomKilled(oomKilled)), exitCode);
                }
            });
            // after die, as dockerd's clean-up: network disconnect and volume unmount events follow it
            networking.release(lc.id.hex());
            mounts.unmounted(lc.id.hex(), mountsOf(lc.id));
            lc.endRun(exitCode);
        }
        LOG.log(Level.DEBUG, () -> "container " + lc.id.shortId() + " exited with " + exitCode);
        if (autoRemove) {
            removeQuietly(lc.id);
        }
    }

    /** The container's mount table; none when its directory went with a removal meanwhile. */
    private List<ContainerMount> mountsOf(ContainerId id) {
        try {
            return MountTable.read(paths(id).dataDir());
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
        LiveContainer lc = live.get(id);
        if (lc == null) {
            return;
        }
        synchronized (lc) {
            Optional<ContainerRecord> record = store.find(id.hex());
            if (record.isEmpty() || record.get().state().status() != ContainerStatus.RESTARTING || lc.hasTask()) {
                return;
            }
            try {
                launchRun(lc, record.get());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "failed to restart container " + id.shortId() + ": " + e.getMessage());
            }
        }
    }

    /**
     * A stop or kill by hand: ends the restart loop (a pending restart is cancelled and the
     * container recorded exited) and, unless the daemon itself is stopping, marks the
     * container stopped by hand. Returns whether it was waiting to restart.
     */
    private boolean stoppedByHand(LiveContainer lc, ContainerRecord record) {
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

    private void removeQuietly(ContainerId id) {
        try {
            remove(id.hex(), true, true);
        } catch (NotFoundException | ConflictException e) {
            // removed by someone else meanwhile
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "failed to remove container " + id.shortId() + ": " + e.getMessage(), e);
        }
    }

    private static void closeLog(LiveContainer lc) {
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

    /**
     * Sends the stop signal, waits up to {@code timeoutSeconds} (the container's own stop
     * timeout, else 10 s; negative waits forever), then SIGKILL.
     */
    public void stop(String idOrName, Integer timeoutSeconds, String signal) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        CompletableFuture<Integer> exit;
        if (record.isRunning() && stoppedByHand(lc, record)) {
            return;
        }
        synchronized (lc) {
            if (!lc.hasTask()) {
                throw new NotModifiedException("container already stopped");
            }
            exit = lc.nextExit();
            lc.stopping = true;
        }
        int stopSignal = Signals.parse(signal != null && !signal.isEmpty() ? signal : record.config().stopSignal(),
                Signals.SIGTERM);
        int timeout = timeoutSeconds != null ? timeoutSeconds
                : record.config().stopTimeout() != null ? record.config().stopTimeout() : DEFAULT_STOP_TIMEOUT;
        signal(record, stopSignal);
        if (!awaitExit(exit, timeout)) {
            LOG.log(Level.INFO, "container " + record.id().shortId() + " did not stop within " + timeout
                    + "s; killing it");
            signal(record, Signals.SIGKILL);
            awaitExit(exit, -1);
        }
        events.emit(record, "stop");
    }

    public void kill(String idOrName, String signal) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        int sig = Signals.parse(signal, Signals.SIGKILL);
        // dockerd: SIGKILL or the stop signal ends the restart loop; other signals do not.
        if ((sig == Signals.SIGKILL || sig == Signals.parse(record.config().stopSignal(), Signals.SIGTERM))
                && record.isRunning() && stoppedByHand(lc, record)) {
            return;
        }
        synchronized (lc) {
            if (!lc.hasTask()) {
                throw new ConflictException("Container " + record.id() + " is not running");
            }
        }
        signal(record, sig);
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

    private void signal(ContainerRecord record, int signal) {
        events.emit(record, "kill", Map.of("signal", Integer.toString(signal)));
        try {
            runtime.kill(record.id().hex(), signal, false);
        } catch (NotFoundException e) {
            // exited between the check and the signal: nothing to do
        }
        if (signal == Signals.SIGKILL || signal == Signals.parse(record.config().stopSignal(), Signals.SIGTERM)) {
            thawForSignal(record.id());
        }
    }

    /**
     * A frozen process never acts on a signal: after SIGKILL or the stop signal a paused
     * container is resumed so that it ends, as dockerd does.
     */
    private void thawForSignal(ContainerId id) {
        LiveContainer lc = liveOf(id);
        synchronized (lc) {
            Optional<ContainerRecord> current = store.find(id.hex());
            if (current.isEmpty() || current.get().state().status() != ContainerStatus.PAUSED) {
                return;
            }
            try {
                runtime.resume(id.hex());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot unpause container " + id.shortId() + ": " + e.getMessage());
                return;
            }
            store.update(current.get().withState(current.get().state().unpaused()));
            events.emit(current.get(), "unpause");
        }
    }

    /**
     * Freezes every process of a running container ({@code POST /containers/{id}/pause}).
     *
     * @throws ConflictException when it is not running, is restarting or is already paused
     */
    public void pause(String idOrName) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        synchronized (lc) {
            record = store.get(record.id().hex());
            ContainerStatus status = record.state().status();
            if (status == ContainerStatus.PAUSED) {
                throw new ConflictException("Container " + record.id() + " is already paused");
            }
            if (status == ContainerStatus.RESTARTING) {
                throw new ConflictException("Container " + record.id() + " is restarting, wait until the container is running");
            }
            if (!lc.hasTask() || status != ContainerStatus.RUNNING) {
                throw new ConflictException("Container " + record.id() + " is not running");
            }
            runtime.pause(record.id().hex());
            ContainerRecord paused = record.withState(record.state().paused());
            store.update(paused);
            events.emit(paused, "pause");
        }
    }

    /**
     * Thaws a paused container ({@code POST /containers/{id}/unpause}).
     *
     * @throws ConflictException when it is not paused
     */
    public void unpause(String idOrName) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        synchronized (lc) {
            record = store.get(record.id().hex());
            if (record.state().status() != ContainerStatus.PAUSED || !lc.hasTask()) {
                throw new ConflictException("Container " + record.id() + " is not paused");
            }
            runtime.resume(record.id().hex());
            ContainerRecord running = record.withState(record.state().unpaused());
            store.update(running);
            events.emit(running, "unpause");
        }
    }

    private static boolean awaitExit(CompletableFuture<Integer> exit, int timeoutSeconds) {
        try {
            if (timeoutSeconds < 0) {
                exit.get();
            } else {
                exit.get(timeoutSeconds, TimeUnit.SECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
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
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = liveOf(record.id());
        if (lc.hasTask()) {
            if (!force) {
                throw new ConflictException("You cannot remove a running container " + record.id()
                        + ". Stop the container before attempting removal or force remove");
            }
            CompletableFuture<Integer> exit = lc.nextExit();
            // dockerd's ExitOnNext: the kill of a forced removal ends the restart loop, else a
            // policy could start the container again before the removal takes it
            stoppedByHand(lc, record);
            signal(record, Signals.SIGKILL);
            awaitExit(exit, 30);
        }
        synchronized (lc) {
            record = store.find(record.id().hex()).orElseThrow(() -> new NotFoundException("No such container: " + idOrName));
            if (lc.hasTask()) {
                throw new ConflictException("container " + record.id() + " did not stop; cannot remove it");
            }
            // under the lock: an exit while rm waited may have put it in its restart loop
            if (record.state().status() == ContainerStatus.RESTARTING) {
                if (!force) {
                    throw new ConflictException("You cannot remove a restarting container " + record.id()
                            + ". Stop the container before attempting removal or force remove");
                }
                stoppedByHand(lc, record);
                record = store.get(record.id().hex());
            }
            if (record.state().status() == ContainerStatus.REMOVING) {
                throw new ConflictException("removal of container " + record.id() + " is already in progress");
            }
            store.update(record.withState(record.state().removing()));
            ContainerPaths paths = paths(record.id());
            List<ContainerMount> ownMounts = MountTable.read(paths.dataDir());
            snapshotter.unmount(paths.rootfs());
            runtime.delete(record.id().hex(), true);
            deleteTree(paths.execDir());
            deleteTree(paths.dataDir().resolve("rw"));
            store.delete(record.id());
            deleteTree(paths.dataDir());
            live.remove(record.id());
            mounts.release(ownMounts, removeVolumes);
            networking.forget(record.id().hex());
            lc.removed.complete(record.state().exitCode());
            events.emit(record, "destroy");
        }
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
        if (!VALID_NAME.matcher(newName).matches()) {
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
        ContainerRecord record = store.get(idOrName);
        return ContainerChanges.of(paths(record.id()).upperDir(), images.lowerDirs(record.imageId()));
    }

    /** Size of the writable layer in bytes (for {@code ps -s} and inspect {@code SizeRw}). */
    public long sizeRw(ContainerRecord record) {
        return DiskUsage.of(paths(record.id()).upperDir());
    }

    /** The writable layer plus the image's layers ({@code SizeRootFs}); the rw size alone if the image is gone. */
    public long sizeRootFs(ContainerRecord record, long sizeRw) {
        try {
            return sizeRw + images.resolve(record.imageId()).size();
        } catch (NotFoundException imageRemoved) {
            return sizeRw;
        }
    }

    /**
     * Reconciles records with reality after a daemon start: containers that kept running
     * are re-attached; those that died while the daemon was down are marked exited with the
     * code they left behind (255 when none), and their mounts and runtime state released.
     */
    public void recover() {
        for (ContainerRecord record : store.list()) {
            LiveContainer lc = liveOf(record.id());
            ContainerPaths paths = paths(record.id());
            if (record.state().status() == ContainerStatus.REMOVING) {
                removeQuietly(record.id());
                continue;
            }
            if (!record.isRunning()) {
                continue;
            }
            Optional<RecoveredTask> task = monitor.recover(record.id().hex(), paths.bundle());
            if (task.isPresent()) {
                synchronized (lc) {
                    lc.recoveredPid = task.get().pid();
                }
                oom.watch(record.id().hex(), TaskLauncher.cgroupsPath(record.id()));
                LOG.log(Level.INFO, "re-attached to running container " + record.id().shortId());
                boolean autoRemove = record.hostConfig().isAutoRemove();
                task.get().exit().whenComplete((code, failure) -> Thread.ofVirtual().start(
                        () -> onExit(lc, code == null ? 255 : code, autoRemove)));
            } else {
                int code = monitor.recordedExit(paths.bundle()).orElse(TaskMonitor.UNKNOWN_EXIT_CODE);
                LOG.log(Level.INFO, "container " + record.id().shortId() + " exited with " + code
                        + " while the daemon was down");
                onExit(lc, code, record.hostConfig().isAutoRemove());
            }
        }
        startByPolicy();
    }

    /** dockerd at start: stopped containers whose restart policy covers their last exit run again. */
    private void startByPolicy() {
        for (ContainerRecord record : store.list()) {
            if (!RestartSupervisor.restartsAtBoot(record)) {
                continue;
            }
            LiveContainer lc = liveOf(record.id());
            synchronized (lc) {
                ContainerRecord current = store.find(record.id().hex()).orElse(null);
                if (current == null || lc.hasTask() || !RestartSupervisor.restartsAtBoot(current)) {
                    continue;
                }
                if (current.manuallyStopped()) {
                    current = current.withManuallyStopped(false);
                    store.update(current);
                }
                LOG.log(Level.INFO, "starting container " + record.id().shortId() + " (restart policy "
                        + RestartSupervisor.policyOf(current).kind().apiName() + ")");
                try {
                    launchRun(lc, current);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "failed to start container " + record.id().shortId() + ": " + e.getMessage());
                }
            }
        }
    }

    /** Stops every running container as dockerd does on shutdown (their stop signal, then SIGKILL). */
    @Override
    public void close() {
        restarts.shutDown();
        List<Thread> stoppers = store.list().stream().filter(ContainerRecord::isRunning)
                .map(r -> Thread.ofVirtual().start(() -> {
                    try {
                        stop(r.id().hex(), null, null);
                    } catch (RuntimeException e) {
                        LOG.log(Level.DEBUG, "stop at shutdown: " + e.getMessage());
                    }
                })).toList();
        stoppers.forEach(ContainerService::join);
        restarts.close();
        oom.close();
    }

    private LiveContainer liveOf(ContainerId id) {
        return live.computeIfAbsent(id, LiveContainer::new);
    }

    private ContainerPaths paths(ContainerId id) {
        return ContainerPaths.of(store.directory(id).getParent(), execRoot.resolve("containers"), id);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new SystemException("failed to remove " + dir + ": " + e.getMessage(), e);
        }
    }

}
