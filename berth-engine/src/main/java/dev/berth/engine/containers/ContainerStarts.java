package dev.berth.engine.containers;

import dev.berth.engine.cgroups.OomWatcher;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.NotModifiedException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.logs.JsonFileLogWriter;
import dev.berth.engine.runtime.StartFailedException;
import java.io.IOException;
import java.time.Clock;

/**
 * {@code docker start} and every other run of a container (a due restart, the restart policy
 * at daemon start): opens the run's log, has {@link TaskLauncher} mount the rootfs and start
 * the process, records running and hands the run to {@link ContainerExits}. A run that fails
 * to start is recorded exited with the failure's code (a container with AutoRemove removed).
 */
final class ContainerStarts {

    private final ContainerTable table;
    private final ContainerStore store;
    private final TaskLauncher launcher;
    private final ContainerExits exits;
    private final ContainerRemoval removal;
    private final OomWatcher oom;
    private final ContainerEvents events;
    private final Clock clock;

    ContainerStarts(ContainerTable table, TaskLauncher launcher, ContainerExits exits, ContainerRemoval removal,
            OomWatcher oom, ContainerEvents events, Clock clock) {
        this.table = table;
        this.store = table.store();
        this.launcher = launcher;
        this.exits = exits;
        this.removal = removal;
        this.oom = oom;
        this.events = events;
        this.clock = clock;
    }

    void start(String idOrName) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = table.liveOf(record.id());
        synchronized (lc) {
            record = store.get(record.id().hex());
            if (record.isRunning() || lc.hasTask()) {
                throw new NotModifiedException("container already started");
            }
            if (record.state().status() == ContainerStatus.REMOVING) {
                throw new ConflictException("container is marked for removal and cannot be started");
            }
            // A start by hand begins a new restart loop, as dockerd resets its restart manager.
            exits.startedByHand(record.id());
            if (record.manuallyStopped() || record.restartCount() != 0) {
                record = record.withManuallyStopped(false).withRestartCount(0);
                store.update(record);
            }
            launchRun(lc, record);
        }
    }

    /** Starts one run of the container; the caller holds {@code lc} and has checked the state. */
    void launchRun(LiveContainer lc, ContainerRecord record) {
        ContainerPaths paths = table.paths(record.id());
        TaskLauncher.Launched launched;
        try {
            lc.log = new JsonFileLogWriter(paths.log(record.id()));
            launched = launcher.launch(record, paths);
        } catch (StartFailedException e) {
            ContainerExits.closeLog(lc);
            recordStartFailure(lc, record, e.failure().exitCode(), e.failure().message());
            throw e.failure().toException();
        } catch (IOException e) {
            throw new SystemException("failed to open the log of " + record.id() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            ContainerExits.closeLog(lc);
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
        exits.supervise(lc, launched.task(), running.hostConfig().isAutoRemove());
    }

    private void recordStartFailure(LiveContainer lc, ContainerRecord record, int exitCode, String message) {
        store.update(record.withState(record.state().failedToStart(exitCode, message, clock.instant())));
        lc.failStart(exitCode);
        if (record.hostConfig().isAutoRemove()) {
            removal.removeQuietly(record.id());
        }
    }
}
