package dev.berth.engine.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts containers' processes and reports how they end: the one place that decides who
 * waits for a container and owns its exit code (today the runtime in the foreground; a
 * per-container shim could replace it without changing callers).
 *
 * <p>Lifecycle: the caller writes the bundle (config.json with root.path pointing at a
 * mounted rootfs), calls {@link #start}, drains the task's stdout and stderr, and waits on
 * {@link RunningTask#exit()}; signals go through {@link OciRuntime#kill}. After a daemon
 * restart, {@link #recover} re-attaches to containers that are still running.
 */
public interface TaskMonitor {

    /** Reported when a recovered container ended and nothing recorded its status. */
    int UNKNOWN_EXIT_CODE = 255;

    /**
     * Starts container {@code id} from {@code bundle} and returns once its process runs.
     *
     * @throws StartFailedException when the command cannot be found or executed, or the
     *         runtime refused the spec
     */
    RunningTask start(String id, Path bundle, TaskIo io);

    /**
     * Re-attaches to container {@code id} (started from {@code bundle} by a previous daemon)
     * when the runtime reports it running; empty when it is not.
     */
    Optional<RecoveredTask> recover(String id, Path bundle);

    /**
     * The exit code a container started from {@code bundle} left behind when it ended while
     * nobody was watching (the daemon was down); empty when none was recorded.
     */
    java.util.OptionalInt recordedExit(Path bundle);
}
