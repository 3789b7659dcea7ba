package dev.berth.engine.containers;

import dev.berth.engine.cgroups.OomWatcher;
import dev.berth.engine.runtime.RecoveredTask;
import dev.berth.engine.runtime.TaskMonitor;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Reconciles records with reality after a daemon start: containers that kept running are
 * re-attached (their exit then recorded by {@link ContainerExits}); those that died while the
 * daemon was down are recorded exited with the code they left behind; a removal the daemon
 * was in the middle of is finished; then stopped containers whose restart policy covers their
 * last exit run again, as dockerd does at start.
 */
final class ContainerRecovery {

    private static final Logger LOG = System.getLogger("berthd.containers");

    private final ContainerTable table;
    private final ContainerStore store;
    private final TaskMonitor monitor;
    private final OomWatcher oom;
    private final ContainerExits exits;
    private final ContainerStarts starts;
    private final ContainerRemoval removal;

    ContainerRecovery(ContainerTable table, TaskMonitor monitor, OomWatcher oom, ContainerExits exits,
            ContainerStarts starts, ContainerRemoval removal) {
        this.table = table;
        this.store = table.store();
        this.monitor = monitor;
        this.oom = oom;
        this.exits = exits;
        this.starts = starts;
        this.removal = removal;
    }

    /** See {@link ContainerService#recover}. */
    void recover() {
        for (ContainerRecord record : store.list()) {
            LiveContainer lc = table.liveOf(record.id());
            ContainerPaths paths = table.paths(record.id());
            if (record.state().status() == ContainerStatus.REMOVING) {
                removal.removeQuietly(record.id());
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
                        () -> exits.onExit(lc, code == null ? 255 : code, autoRemove)));
            } else {
                int code = monitor.recordedExit(paths.bundle()).orElse(TaskMonitor.UNKNOWN_EXIT_CODE);
                LOG.log(Level.INFO, "container " + record.id().shortId() + " exited with " + code
                        + " while the daemon was down");
                exits.onExit(lc, code, record.hostConfig().isAutoRemove());
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
            LiveContainer lc = table.liveOf(record.id());
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
                    starts.launchRun(lc, current);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "failed to start container " + record.id().shortId() + ": " + e.getMessage());
                }
            }
        }
    }
}
