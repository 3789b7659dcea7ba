package dev.berth.engine.exec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private boolean open;

    StartGate(InputStream stderr, Path pidFile, Process runtime) {
        super(stderr);
        this.pidFile = pidFile;
        this.runtime = runtime;
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
                return Files.exists(pidFile);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
