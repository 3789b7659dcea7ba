package dev.berth.engine.runtime;

import dev.berth.engine.error.SystemException;
import dev.berth.posix.ConsoleSocket;
import dev.berth.posix.PosixException;
import dev.berth.posix.Pty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The daemon's end of a runtime's {@code --console-socket} for one TTY process: listens
 * before the runtime starts, receives the container's pty master (SCM_RIGHTS) on a
 * platform thread, and hands it out as a {@link PtyConsole}. The daemon then reads the
 * container's terminal itself, to its end, so no runtime proxy sits in between that could
 * exit before copying the last bytes (crun 1.8.1 did: `run -t` lost "hi" 1 time in 15).
 *
 * <p>Lifecycle: {@link #listen}, start the runtime with {@link #path()}, {@link #await},
 * {@link #close} (always, also when the start failed).
 */
public final class ConsoleHandover implements AutoCloseable {

    private static final int MAX_SOCKET_PATH = 107;
    private static final Duration AFTER_EXIT = Duration.ofMillis(500);

    private final ConsoleSocket socket;
    private final Optional<Path> ownDirectory;
    private final CompletableFuture<Pty> master = new CompletableFuture<>();
    private volatile boolean taken;

    private ConsoleHandover(ConsoleSocket socket, Optional<Path> ownDirectory) {
        this.socket = socket;
        this.ownDirectory = ownDirectory;
    }

    /**
     * Listens on {@code <directory>/console.sock}, or in a private directory under the
     * system's temporary directory when that path is longer than a socket address allows.
     */
    public static ConsoleHandover listen(Path directory) {
        Path preferred = directory.resolve("console.sock").toAbsolutePath();
        Optional<Path> own = Optional.empty();
        try {
            if (preferred.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
                own = Optional.of(Files.createTempDirectory("berth-console-"));
                preferred = own.get().resolve("console.sock");
            }
            ConsoleHandover handover = new ConsoleHandover(ConsoleSocket.listen(preferred), own);
            handover.startReceiving();
            return handover;
        } catch (IOException e) {
            own.ifPresent(ConsoleHandover::deleteQuietly);
            throw new SystemException("cannot listen for the console of a TTY process: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return socket.path();
    }

    private void startReceiving() {
        // accept and recvmsg block in native code: a platform thread, not a carrier
        Thread.ofPlatform().daemon().name("console-" + path().getParent().getFileName()).start(() -> {
            try {
                master.complete(socket.receive());
            } catch (PosixException | RuntimeException e) {
                master.completeExceptionally(e);
            }
        });
    }

    /**
     * The container's terminal once the runtime sent it; empty when {@code runtime} exited
     * without sending one, or after {@code timeout}.
     */
    public Optional<PtyConsole> await(Process runtime, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long exitedAt = 0;
        while (System.nanoTime() < deadline) {
            try {
                Pty pty = master.get(10, TimeUnit.MILLISECONDS);
                taken = true;
                return Optional.of(PtyConsole.received(pty));
            } catch (TimeoutException e) {
                // A runtime that sent the master and exited at once left it queued on the
                // socket: give the receiver a moment before giving up.
                if (!runtime.isAlive()) {
                    if (exitedAt == 0) {
                        exitedAt = System.nanoTime();
                    } else if (System.nanoTime() - exitedAt > AFTER_EXIT.toNanos()) {
                        return Optional.empty();
                    }
                }
            } catch (ExecutionException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Stops listening and removes the socket; a master received but never taken is closed. */
    @Override
    public void close() {
        socket.close();
        // a master that arrives late (or was never taken) would leak its fd
        master.thenAccept(pty -> {
            if (!taken) {
                pty.close();
            }
        });
        ownDirectory.ifPresent(ConsoleHandover::deleteQuietly);
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("console.sock"));
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover empty directory in the temporary directory is harmless
        }
    }
}
