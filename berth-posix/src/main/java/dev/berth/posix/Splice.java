package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Zero-copy forwarding between two descriptors with {@code splice(2)}: the kernel moves pages
 * from one socket into a pipe and from the pipe into the other socket, and the bytes never
 * enter the JVM. One {@link Pipe} per direction; it may be reused for the next copy when the
 * last one ended at EOF (the pipe is then empty).
 *
 * <p>{@link #copy} blocks its thread in the kernel: call it on a platform thread.
 */
public final class Splice {

    private static final int O_CLOEXEC = 0x80000;
    private static final int F_SETPIPE_SZ = 1031;
    private static final int SPLICE_F_MOVE = 1;

    private static final MethodHandle PIPE2 = Libc.syscall("pipe2", Libc.INT, Libc.POINTER, Libc.INT);
    private static final MethodHandle FCNTL = Libc.variadicSyscall("fcntl", 2, Libc.INT, Libc.INT, Libc.INT, Libc.INT);
    private static final MethodHandle SPLICE = Libc.syscall("splice", Libc.LONG,
            Libc.INT, Libc.POINTER, Libc.INT, Libc.POINTER, Libc.LONG, Libc.INT);

    /** A pipe's two ends; {@link #close} closes both. */
    public record Pipe(int readFd, int writeFd, int capacity) implements AutoCloseable {
        @Override
        public void close() {
            closeQuietly(readFd);
            closeQuietly(writeFd);
        }
    }

    private Splice() {
    }

    /**
     * A close-on-exec pipe holding up to {@code capacity} bytes (rounded up to pages by the
     * kernel; 0 keeps its default, 64 KiB). A larger pipe moves a bulk transfer in fewer calls.
     */
    public static Pipe pipe(int capacity) throws PosixException {
        int[] fds = new int[2];
        Libc.retrying("pipe2", "", (arena, slot) -> {
            MemorySegment pair = arena.allocate(ValueLayout.JAVA_INT, 2);
            int rc = (int) PIPE2.invokeExact(slot, pair, O_CLOEXEC);
            fds[0] = pair.getAtIndex(ValueLayout.JAVA_INT, 0);
            fds[1] = pair.getAtIndex(ValueLayout.JAVA_INT, 1);
            return rc;
        });
        if (capacity <= 0) {
            return new Pipe(fds[0], fds[1], 64 * 1024);
        }
        try {
            int size = (int) Libc.retrying("fcntl(F_SETPIPE_SZ)", "pipe " + fds[1],
                    (arena, slot) -> (int) FCNTL.invokeExact(slot, fds[1], F_SETPIPE_SZ, capacity));
            return new Pipe(fds[0], fds[1], size);
        } catch (PosixException | RuntimeException e) {
            closeQuietly(fds[0]);
            closeQuietly(fds[1]);
            throw e;
        }
    }

    /**
     * Moves everything {@code from} sends into {@code to} through {@code pipe}, until
     * {@code from} reaches EOF; returns the number of bytes moved. Fails with the first
     * error on either side (a reset, EPIPE once {@code to} was shut down); the pipe may then
     * still hold bytes and must be closed rather than reused.
     */
    public static long copy(int from, int to, Pipe pipe) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            long total = 0;
            while (true) {
                long in = splice(slot, from, pipe.writeFd(), pipe.capacity());
                if (in == 0) {
                    return total;
                }
                for (long left = in; left > 0; ) {
                    long out = splice(slot, pipe.readFd(), to, left);
                    if (out == 0) { // only an empty pipe without writers says so: ours holds bytes
                        throw new IllegalStateException("splice from pipe " + pipe.readFd() + " moved nothing");
                    }
                    left -= out;
                }
                total += in;
            }
        }
    }

    private static long splice(MemorySegment slot, int from, int to, long max) throws PosixException {
        try {
            while (true) {
                long n = (long) SPLICE.invokeExact(slot, from, MemorySegment.NULL, to, MemorySegment.NULL, max,
                        SPLICE_F_MOVE);
                if (n >= 0) {
                    return n;
                }
                if (Libc.errno(slot) != Errno.EINTR) {
                    throw Libc.fail("splice", "fd " + from + " -> fd " + to, slot);
                }
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("splice downcall failed", t);
        }
    }

    private static void closeQuietly(int fd) {
        try {
            Processes.close(fd);
        } catch (PosixException e) {
            // nothing left to do with a descriptor that would not close
        }
    }
}
