package dev.berth.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived command (a followed event stream, {@code compose watch}, a foreground
 * {@code compose up}) run in the background with its stdout and stderr in a file, for tests that
 * wait for its output while they act; {@link #close} ends it (SIGTERM, then SIGKILL after 10 s).
 */
public final class BackgroundCommand implements AutoCloseable {

    private final Process process;
    private final Path output;

    private BackgroundCommand(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code commandLine} (one shell command line, e.g. {@link Berthd#berthCommandLine}) writing to {@code output}. */
    public static BackgroundCommand start(String commandLine, Path output) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", "exec " + commandLine)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new BackgroundCommand(p, output);
    }

    /** What it printed so far (empty before the file exists). */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
