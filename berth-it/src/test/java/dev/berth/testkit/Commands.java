package dev.berth.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a process to completion with a timeout, capturing its output; kills it on timeout. */
public final class Commands {

    private Commands() {
    }

    public static CommandResult run(List<String> command, Map<String, String> env, byte[] stdin,
            long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            var out = drain(p.getInputStream());
            var err = drain(p.getErrorStream());
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException ignored) {
                // the command did not read its stdin; that is its business
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                throw new AssertionError("timed out after " + timeoutSeconds + "s: " + command
                        + "\nstdout: " + out.text() + "\nstderr: " + err.text());
            }
            return new CommandResult(p.exitValue(), out.text(), err.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The java binary of the JVM running the tests (JDK 25). */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static final class Drain {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in) {
            thread = Thread.ofVirtual().start(() -> {
                try (in) {
                    in.transferTo(buffer);
                } catch (IOException ignored) {
                    // process ended
                }
            });
        }

        String text() {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }
    }

    static Drain drain(InputStream in) {
        return new Drain(in);
    }
}
