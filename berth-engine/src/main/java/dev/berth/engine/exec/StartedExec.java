package dev.berth.engine.exec;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An exec whose process was started. The caller drains {@link #stdout} and {@link #stderr}
 * until EOF (a full pipe blocks the process), writes to {@link #stdin} when it was asked
 * for and closes it at the client's EOF. {@link #exit} completes with the exit code after
 * it has been recorded (so an inspect made once the stream ended sees it).
 *
 * <p>When the process could not be started ({@link #failure} present, e.g. the command is
 * not in the container) the streams are empty, the exit code (126 or 127) is already
 * recorded, and the failure is the message docker prints.
 */
public record StartedExec(Optional<OutputStream> stdin, InputStream stdout, InputStream stderr,
        CompletableFuture<Integer> exit, CompletableFuture<Optional<String>> failure) {
}
