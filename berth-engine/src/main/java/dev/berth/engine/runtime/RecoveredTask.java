package dev.berth.engine.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * A container found running after a daemon restart. Its streams are gone (they were pipes
 * to the old daemon); the exit code is the real one when the runtime that ran it was
 * still there to report it, else {@link TaskMonitor#UNKNOWN_EXIT_CODE}.
 */
public record RecoveredTask(String id, long pid, CompletableFuture<Integer> exit) {
}
