package dev.berth.compose.project;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one step per service as compose's graph traversal does: each on its own virtual thread
 * as soon as the steps it comes after have finished, so independent services proceed together
 * and a chain proceeds in order. {@code up} walks the depends_on graph (dependencies first),
 * {@code down} the reverse one (dependents first).
 *
 * <p>A step whose predecessor failed fails without running. {@link #run} returns once every
 * step has ended and throws the first failure in {@code nodes}' order, as the exception the
 * step threw (so a dependency's error is reported, not its dependents').
 */
final class ParallelGraph {

    /** One node's work; {@code before} holds the results of the nodes it came after. */
    @FunctionalInterface
    interface Step<T> {
        T run(String node, Map<String, T> before) throws Exception;
    }

    private ParallelGraph() {
    }

    /**
     * @param nodes the nodes, predecessors before successors (a topological order)
     * @param after for each node, the nodes it must wait for; names outside {@code nodes} are ignored
     */
    static <T> Map<String, T> run(List<String> nodes, Map<String, ? extends Collection<String>> after, Step<T> step)
            throws IOException, InterruptedException {
        Map<String, CompletableFuture<T>> done = new LinkedHashMap<>();
        for (String n : nodes) {
            done.put(n, new CompletableFuture<>());
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String n : nodes) {
                threads.submit(() -> {
                    CompletableFuture<T> mine = done.get(n);
                    try {
                        Map<String, T> before = new LinkedHashMap<>();
                        Collection<String> predecessors = after.get(n);
                        for (String p : predecessors == null ? List.<String>of() : predecessors) {
                            CompletableFuture<T> f = done.get(p);
                            if (f != null) {
                                before.put(p, f.join());
                            }
                        }
                        mine.complete(step.run(n, before));
                    } catch (Throwable t) {
                        mine.completeExceptionally(t);
                    }
                });
            }
        }
        Map<String, T> results = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<T>> e : done.entrySet()) {
            try {
                results.put(e.getKey(), e.getValue().join());
            } catch (CompletionException failed) {
                throw rethrown(failed);
            }
        }
        return results;
    }

    /** The step's own exception, unwrapped from the futures it passed through. */
    private static IOException rethrown(CompletionException failed) throws InterruptedException {
        Throwable cause = failed.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        switch (cause) {
            case IOException io -> {
                return io;
            }
            case InterruptedException ie -> throw ie;
            case RuntimeException re -> throw re;
            case Error err -> throw err;
            default -> throw new IllegalStateException(cause);
        }
    }
}
