package dev.berth.engine.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An OCI runtime binary (crun, runc): one method per subcommand the engine uses, no state
 * of its own. The runtime keeps its state under a root directory private to this engine
 * ({@code <exec-root>/runtime/<name>}), apart from other engines' /run/runc or /run/crun.
 *
 * <p>Vocabulary: a container <em>id</em> names the runtime's state; a <em>bundle</em> is a
 * directory with config.json whose root.path is the mounted rootfs. Commands that leave a
 * process running ({@code run}, {@code exec}) are returned as argv for a
 * {@link TaskMonitor} to launch and supervise; the others run to completion here and throw
 * {@link dev.berth.engine.error.SystemException} carrying the runtime's own message when
 * it fails.
 */
public interface OciRuntime {

    /** "crun" or "runc": the name {@code docker info} and {@code --runtime} use. */
    String name();

    Path binary();

    /**
     * The argv of {@code run} in the foreground: creates and starts container {@code id}
     * from {@code bundle}, writes the init's host pid to {@code pidFile} once it is about
     * to execute the command, logs the runtime's own errors as JSON lines to
     * {@code logFile}, waits for the container and exits with its status (128+signal when
     * a signal ended it) after deleting its state. With {@code consoleSocket} (only when
     * {@link #consoleSocketInForeground()}) a TTY's master is sent there instead of being
     * proxied by the runtime.
     */
    List<String> runCommand(String id, Path bundle, Path pidFile, Path logFile, Optional<Path> consoleSocket);

    /**
     * The argv of {@code exec --process processJson}: runs another process in the
     * running container {@code id} in the foreground, exiting with its status;
     * {@code consoleSocket} as for {@link #runCommand}.
     */
    List<String> execCommand(String id, Path processJson, Path pidFile, Path logFile, Optional<Path> consoleSocket);

    /**
     * Whether {@code run} and {@code exec} in the foreground accept {@code --console-socket}
     * and send the TTY's master there (crun). runc refuses a console socket unless it
     * detaches, so with runc the daemon gives the runtime a terminal and the runtime
     * copies between it and the container's own.
     */
    default boolean consoleSocketInForeground() {
        return false;
    }

    /** The runtime's state of {@code id}, empty when it does not know the container. */
    Optional<ContainerState> state(String id);

    /**
     * Sends {@code signal} (a number, e.g. 15) to the container's init, or with
     * {@code all} to every process in it.
     *
     * @throws dev.berth.engine.error.NotFoundException if the runtime does not know {@code id}
     */
    void kill(String id, int signal, boolean all);

    /**
     * Deletes the runtime's state of {@code id}; with {@code force} kills a running
     * container first. Deleting an unknown id does nothing.
     */
    void delete(String id, boolean force);

    /**
     * Changes the cgroup limits of running container {@code id} to those in
     * {@code resources} (a JSON file in the OCI {@code linux.resources} form).
     */
    default void update(String id, Path resources) {
        throw new dev.berth.engine.error.NotImplementedException(name() + " cannot update containers");
    }

    /**
     * Freezes every process of container {@code id} ({@code pause}: the cgroup freezer).
     *
     * @throws dev.berth.engine.error.NotFoundException if the runtime does not know {@code id}
     */
    void pause(String id);

    /** Thaws a container frozen by {@link #pause} ({@code resume}). */
    void resume(String id);

    /** The host pids of every process in container {@code id}, exec'd ones included ({@code ps --format json}). */
    List<Long> pids(String id);

    /** The ids the runtime has state for (running, created or stopped). */
    List<String> list();

    /** The first line of {@code <runtime> --version}, e.g. "crun version 1.8.1". */
    String version();
}
