package dev.berth.engine.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A container's process started by a {@link TaskMonitor}: its pid on the host, its
 * streams, and its exit code once it ends (128+n when signal n ended it). The future
 * completes exactly once, after the runtime has reaped the container and deleted its state.
 * {@code terminal} is present when the task runs on a TTY (see {@link TaskIo}).
 */
public record RunningTask(String id, long pid, Optional<OutputStream> stdin, InputStream stdout,
                          InputStream stderr, CompletableFuture<Integer> exit, Optional<TaskTerminal> terminal) {
}
