package dev.berth.engine.containers;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import java.time.Instant;
import java.util.List;

/**
 * Everything berth knows about one container, as stored in {@code containers/<id>/config.json}
 * (rewritten atomically on every change). Immutable: a change is a new record through the
 * {@code with...} methods and {@link ContainerStore#update}.
 *
 * @param imageRef the image as the user named it ({@code busybox}), shown by {@code ps}
 * @param imageId  the image's ID ({@code sha256:...}) the container was created from
 * @param config   the image's config merged with the create request
 * @param path     the process to run: the first word of entrypoint + cmd
 * @param args     the rest of entrypoint + cmd
 * @param manuallyStopped stopped through the API (stop, kill) since its last start: an
 *                 {@code unless-stopped} container stays stopped when berthd starts
 */
public record ContainerRecord(
        ContainerId id,
        String name,
        Instant created,
        String imageRef,
        String imageId,
        ContainerConfig config,
        HostConfig hostConfig,
        String path,
        List<String> args,
        State state,
        int restartCount,
        String runtime,
        boolean manuallyStopped) {

    /** A record not stopped by hand (records written before the flag existed read as false). */
    public ContainerRecord(ContainerId id, String name, Instant created, String imageRef, String imageId,
            ContainerConfig config, HostConfig hostConfig, String path, List<String> args, State state,
            int restartCount, String runtime) {
        this(id, name, created, imageRef, imageId, config, hostConfig, path, args, state, restartCount, runtime,
                false);
    }

    /**
     * The runtime state. {@code pid} is 0 unless running; times are null when it never
     * happened; {@code error} is the reason a start failed, empty otherwise.
     */
    public record State(ContainerStatus status, int pid, int exitCode, String error,
            Instant startedAt, Instant finishedAt, boolean oomKilled) {

        /** A state without an OOM kill (records written before the flag existed read as false). */
        public State(ContainerStatus status, int pid, int exitCode, String error, Instant startedAt,
                Instant finishedAt) {
            this(status, pid, exitCode, error, startedAt, finishedAt, false);
        }

        public static State created() {
            return new State(ContainerStatus.CREATED, 0, 0, "", null, null);
        }

        public State running(int newPid, Instant at) {
            return new State(ContainerStatus.RUNNING, newPid, 0, "", at, null);
        }

        public State exited(int code, Instant at) {
            return new State(ContainerStatus.EXITED, 0, code, error, startedAt, at, oomKilled);
        }

        public State failedToStart(int code, String reason, Instant at) {
            return new State(status == ContainerStatus.CREATED ? ContainerStatus.CREATED : ContainerStatus.EXITED,
                    0, code, reason, startedAt, at, oomKilled);
        }

        /** Exited, and a restart policy will start it again (dockerd counts it as running). */
        public State restarting(int code, Instant at) {
            return new State(ContainerStatus.RESTARTING, 0, code, error, startedAt, at, oomKilled);
        }

        /** Frozen by {@code pause}: still running, as dockerd counts it. */
        public State paused() {
            return new State(ContainerStatus.PAUSED, pid, exitCode, error, startedAt, finishedAt);
        }

        /** Thawed by {@code unpause} (or by a kill of a paused container). */
        public State unpaused() {
            return new State(ContainerStatus.RUNNING, pid, exitCode, error, startedAt, finishedAt);
        }

        public State removing() {
            return new State(ContainerStatus.REMOVING, pid, exitCode, error, startedAt, finishedAt, oomKilled);
        }

        /** This state with the memory cgroup's OOM verdict of the run that just ended. */
        public State withOomKilled(boolean killed) {
            return new State(status, pid, exitCode, error, startedAt, finishedAt, killed);
        }
    }

    public ContainerRecord withState(State newState) {
        return new ContainerRecord(id, name, created, imageRef, imageId, config, hostConfig, path, args,
                newState, restartCount, runtime, manuallyStopped);
    }

    public ContainerRecord withName(String newName) {
        return new ContainerRecord(id, newName, created, imageRef, imageId, config, hostConfig, path, args,
                state, restartCount, runtime, manuallyStopped);
    }

    public ContainerRecord withRestartCount(int count) {
        return new ContainerRecord(id, name, created, imageRef, imageId, config, hostConfig, path, args,
                state, count, runtime, manuallyStopped);
    }

    public ContainerRecord withManuallyStopped(boolean stopped) {
        return new ContainerRecord(id, name, created, imageRef, imageId, config, hostConfig, path, args,
                state, restartCount, runtime, stopped);
    }

    public ContainerRecord withHostConfig(HostConfig newHostConfig) {
        return new ContainerRecord(id, name, created, imageRef, imageId, config, newHostConfig, path, args,
                state, restartCount, runtime, manuallyStopped);
    }

    public boolean isRunning() {
        return state.status().isActive();
    }
}
