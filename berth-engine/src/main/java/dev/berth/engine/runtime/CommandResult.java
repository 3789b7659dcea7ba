package dev.berth.engine.runtime;

import dev.berth.engine.error.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The outcome of a short runtime command: exit code and its output, both streams read whole. */
record CommandResult(int exitCode, String stdout, String stderr) {

    static CommandResult run(List<String> argv, Duration timeout) {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new SystemException("cannot run " + argv.getFirst() + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()),
                Thread::startVirtualThread);
        String err = readAll(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new SystemException(String.join(" ", argv) + " did not finish within " + timeout);
            }
            return new CommandResult(p.exitValue(), out.join(), err);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted while running " + argv.getFirst(), e);
        }
    }

    boolean ok() {
        return exitCode == 0;
    }

    /** The runtime's complaint, for error messages: stderr, else stdout, trimmed. */
    String message() {
        String s = stderr.isBlank() ? stdout : stderr;
        return s.strip();
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
