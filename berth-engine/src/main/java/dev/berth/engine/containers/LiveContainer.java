package dev.berth.engine.containers;

import dev.berth.engine.logs.JsonFileLogWriter;
import dev.berth.engine.runtime.RunningTask;
import dev.berth.engine.snapshots.MountedRootfs;
import java.util.concurrent.CompletableFuture;

/**
 * The in-memory side of one container: its current run (task, mounted rootfs, log writer),
 * the output hub that attached clients listen on, and the futures that waiters block on.
 * A run's hub and futures are replaced when the run ends, so an attach or a
 * {@code wait?condition=next-exit} made before a start is served by that start.
 *
 * <p>All fields are guarded by {@code this}; transitions (start, exit, remove) hold it.
 */
final class LiveContainer {

    final ContainerId id;
    /** Completes with the exit code when the container is removed. */
    final CompletableFuture<Integer> removed = new CompletableFuture<>();

    private OutputHub hub = new OutputHub();
    private CompletableFuture<RunningTask> started = new CompletableFuture<>();
    private CompletableFuture<Integer> nextExit = new CompletableFuture<>();
    RunningTask task;
    /** The pid of a container re-attached after a daemon restart (no task streams). */
    long recoveredPid;
    MountedRootfs rootfs;
    JsonFileLogWriter log;
    /** The writer's per-stream line splitters, closed (last partial line) before the writer. */
    java.util.List<java.io.OutputStream> logStreams = java.util.List.of();
    boolean stopping;

    LiveContainer(ContainerId id) {
        this.id = id;
    }

    synchronized OutputHub hub() {
        return hub;
    }

    synchronized CompletableFuture<RunningTask> started() {
        return started;
    }

    synchronized CompletableFuture<Integer> nextExit() {
        return nextExit;
    }

    synchronized boolean hasTask() {
        return task != null || recoveredPid > 0;
    }

    /** Ends the current run: completes its futures and arms fresh ones for the next. */
    synchronized void endRun(int exitCode) {
        task = null;
        recoveredPid = 0;
        stopping = false;
        hub.close();
        hub = new OutputHub();
        if (!started.isDone()) {
            started.cancel(false);
        }
        started = new CompletableFuture<>();
        CompletableFuture<Integer> done = nextExit;
        nextExit = new CompletableFuture<>();
        done.complete(exitCode);
    }

    /** A start failed before the process ran: waiters of this run learn it, the hub stays. */
    synchronized void failStart(int exitCode) {
        if (!started.isDone()) {
            started.cancel(false);
        }
        started = new CompletableFuture<>();
        hub.close();
        hub = new OutputHub();
        CompletableFuture<Integer> done = nextExit;
        nextExit = new CompletableFuture<>();
        done.complete(exitCode);
    }
}
