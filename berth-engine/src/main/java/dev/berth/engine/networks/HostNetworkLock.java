package dev.berth.engine.networks;

import dev.berth.engine.error.SystemException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock for the whole host, held while a daemon picks a subnet or creates a bridge: two
 * berthds on one machine (parallel tests, CI next to a developer's daemon) must not both find
 * the same subnet free and both put a bridge on it. An fcntl lock on a file under
 * {@code /run/lock}, so it is released by the kernel when a daemon dies; plus a JVM lock,
 * because fcntl locks do not exclude threads (or two services) of one process.
 */
final class HostNetworkLock {

    static final Path DEFAULT_FILE = Path.of("/run/lock/berth-networks.lock");
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path file;

    HostNetworkLock(Path file) {
        this.file = file;
    }

    /** Runs {@code action} holding the host-wide lock; re-entrant within this process. */
    <T> T holding(Supplier<T> action) {
        IN_PROCESS.lock();
        try {
            if (IN_PROCESS.getHoldCount() > 1) {
                return action.get();
            }
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new SystemException("cannot take the host's network lock " + file + ": " + e.getMessage(), e);
        } finally {
            IN_PROCESS.unlock();
        }
    }

    void holding(Runnable action) {
        holding(() -> {
            action.run();
            return null;
        });
    }
}
