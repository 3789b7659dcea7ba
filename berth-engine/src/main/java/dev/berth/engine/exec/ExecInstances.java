package dev.berth.engine.exec;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The exec instances the daemon knows, by exec ID. Like dockerd (its Cleanup unregisters a
 * container's execs when the container stops; there is no timer), an instance lives until
 * its container's current run ends, or until it is forgotten: the first instance of a
 * container asks for that run's end and all of the container's instances go with it. So
 * stopping or removing a container frees its execs.
 */
final class ExecInstances {

    private final Map<String, ExecInstance> byId = new ConcurrentHashMap<>();
    private final Map<String, Boolean> watched = new ConcurrentHashMap<>();

    /**
     * Adds {@code exec}; {@code runEnds} is asked once per container run for a stage that
     * completes when the container stops (at once if it already has).
     */
    void add(ExecInstance exec, Supplier<? extends CompletionStage<?>> runEnds) {
        byId.put(exec.id, exec);
        if (watched.putIfAbsent(exec.containerId, Boolean.TRUE) == null) {
            try {
                runEnds.get().whenComplete((v, e) -> dropContainer(exec.containerId));
            } catch (RuntimeException e) {
                dropContainer(exec.containerId); // the container went away meanwhile
                throw e;
            }
        }
    }

    Optional<ExecInstance> find(String execId) {
        return execId == null ? Optional.empty() : Optional.ofNullable(byId.get(execId));
    }

    void forget(String execId) {
        byId.remove(execId);
    }

    /** Drops every instance of container {@code containerId}. */
    void dropContainer(String containerId) {
        watched.remove(containerId);
        byId.values().removeIf(e -> e.containerId.equals(containerId));
    }

    int size() {
        return byId.size();
    }
}
