package dev.berth.engine.containers;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.NotModifiedException;
import dev.berth.engine.runtime.OciRuntime;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What acts on a running container's processes: stop (the stop signal, then SIGKILL after the
 * timeout), kill, pause and unpause (the cgroup freezer). A stop, or a kill with SIGKILL or the
 * stop signal, ends the restart loop first ({@link ContainerExits#stoppedByHand}). The run's
 * end itself is recorded by {@link ContainerExits} when the process exits.
 */
final class ContainerSignals {

    private static final Logger LOG = System.getLogger("berthd.containers");
    private static final int DEFAULT_STOP_TIMEOUT = 10;

    private final ContainerTable table;
    private final ContainerStore store;
    private final OciRuntime runtime;
    private final ContainerExits exits;
    private final ContainerEvents events;

    ContainerSignals(ContainerTable table, OciRuntime runtime, ContainerExits exits, ContainerEvents events) {
        this.table = table;
        this.store = table.store();
        this.runtime = runtime;
        this.exits = exits;
        this.events = events;
    }

    /** See {@link ContainerService#stop}. */
    void stop(String idOrName, Integer timeoutSeconds, String signal) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = table.liveOf(record.id());
        CompletableFuture<Integer> exit;
        if (record.isRunning() && exits.stoppedByHand(lc, record)) {
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

    void kill(String idOrName, String signal) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = table.liveOf(record.id());
        int sig = Signals.parse(signal, Signals.SIGKILL);
        // dockerd: SIGKILL or the stop signal ends the restart loop; other signals do not.
        if ((sig == Signals.SIGKILL || sig == Signals.parse(record.config().stopSignal(), Signals.SIGTERM))
                && record.isRunning() && exits.stoppedByHand(lc, record)) {
            return;
        }
        synchronized (lc) {
            if (!lc.hasTask()) {
                throw new ConflictException("Container " + record.id() + " is not running");
            }
        }
        signal(record, sig);
    }

    /** Sends {@code signal} (a kill event first); a paused container is thawed so that it acts on it. */
    void signal(ContainerRecord record, int signal) {
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
        LiveContainer lc = table.liveOf(id);
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

    /** See {@link ContainerService#pause}. */
    void pause(String idOrName) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = table.liveOf(record.id());
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

    /** See {@link ContainerService#unpause}. */
    void unpause(String idOrName) {
        ContainerRecord record = store.get(idOrName);
        LiveContainer lc = table.liveOf(record.id());
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

    /** Waits for a run's exit: forever when {@code timeoutSeconds} is negative. Returns whether it came. */
    static boolean awaitExit(CompletableFuture<Integer> exit, int timeoutSeconds) {
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
}
