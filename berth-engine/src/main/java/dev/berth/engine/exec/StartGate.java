package dev.berth.engine.exec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The exec's stderr, held back until the runtime has started the process (its pid file
 * exists). The runtime prints its own refusal ("exec failed: ...") on the same stderr the
 * process inherits; dockerd never shows those words as the process's output, it reports
 * them once as the exec's failure. So when the runtime exits without having written the
 * pid file, what it wrote here is dropped.
 */
final class StartGate extends FilterInputStream {

    private final Path pidFile;
    private final Process runtime;
    private final CompletableFuture<Optional<String>> failure;
    private boolean open;

    /** {@code failure}: completed after the runtime exited, with its refusal when it refused. */
    StartGate(InputStream stderr, Path pidFile, Process runtime, CompletableFuture<Optional<String>> failure) {
        super(stderr);
        this.pidFile = pidFile;
        this.runtime = runtime;
        this.failure = failure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && !open) {
            open = awaitStarted();
            if (!open) {
                transferTo(OutputStream.nullOutputStream());
                return -1;
            }
        }
        return n;
    }

    // Polled: the runtime writes the pid file within milliseconds of the process starting.
    private boolean awaitStarted() {
        while (true) {
            if (Files.exists(pidFile)) {
                return true;
            }
            if (!runtime.isAlive()) {
                // the exec's directory, pid file included, is deleted once it ended: ask
                // what the exit recorded instead of the file (a short exec's output was lost)
                return Files.exists(pidFile) || failure.join().isEmpty();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
