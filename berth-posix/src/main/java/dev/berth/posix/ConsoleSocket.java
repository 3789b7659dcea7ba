package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The receiving end of an OCI runtime's {@code --console-socket}: a listening UNIX socket to
 * which crun or runc connect once and send the pty master they created, as SCM_RIGHTS
 * ancillary data of one {@code sendmsg}. {@link #receive()} accepts that connection and
 * returns the master; {@link #close()} (from another thread too) ends a pending receive,
 * for when the runtime failed before connecting.
 */
public final class ConsoleSocket implements AutoCloseable {

    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    private static final int SHUT_RDWR = 2;
    private static final int EINTR = 4;

    private static final MethodHandle SOCKET = Libc.syscall("socket", Libc.INT, Libc.INT, Libc.INT, Libc.INT);
    private static final MethodHandle BIND = Libc.syscall("bind", Libc.INT, Libc.INT, Libc.POINTER, Libc.INT);
    private static final MethodHandle LISTEN = Libc.syscall("listen", Libc.INT, Libc.INT, Libc.INT);
    private static final MethodHandle ACCEPT = Libc.syscall("accept4", Libc.INT, Libc.INT, Libc.POINTER,
            Libc.POINTER, Libc.INT);
    private static final MethodHandle RECVMSG = Libc.syscall("recvmsg", Libc.LONG, Libc.INT, Libc.POINTER, Libc.INT);
    private static final MethodHandle SHUTDOWN = Libc.syscall("shutdown", Libc.INT, Libc.INT, Libc.INT);
    private static final MethodHandle CLOSE = Libc.syscall("close", Libc.INT, Libc.INT);

    private final Path path;
    private final int fd;
    private volatile boolean closed;

    private ConsoleSocket(Path path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    /** Listens on {@code path} (at most 107 bytes long; an old file there is replaced). */
    public static ConsoleSocket listen(Path path) throws PosixException {
        byte[] name = path.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8);
        if (name.length > 107) {
            throw new IllegalArgumentException("socket path too long: " + path);
        }
        try {
            Files.deleteIfExists(path);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot replace " + path + ": " + e.getMessage(), e);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int fd = (int) SOCKET.invokeExact(slot, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw Libc.fail("socket", path.toString(), slot);
            }
            MemorySegment addr = arena.allocate(110);
            addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(name, 0, addr, ValueLayout.JAVA_BYTE, 2, name.length);
            if ((int) BIND.invokeExact(slot, fd, addr, 110) != 0) {
                PosixException e = Libc.fail("bind", path.toString(), slot);
                closeFd(fd);
                throw e;
            }
            if ((int) LISTEN.invokeExact(slot, fd, 1) != 0) {
                PosixException e = Libc.fail("listen", path.toString(), slot);
                closeFd(fd);
                throw e;
            }
            return new ConsoleSocket(path, fd);
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("socket downcall failed", t);
        }
    }

    public Path path() {
        return path;
    }

    /** Blocks until the runtime connects and sends the pty master. */
    public Pty receive() throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int conn;
            do {
                conn = (int) ACCEPT.invokeExact(slot, fd, MemorySegment.NULL, MemorySegment.NULL, SOCK_CLOEXEC);
            } while (conn < 0 && Libc.errno(slot) == EINTR && !closed);
            if (conn < 0) {
                throw Libc.fail("accept", path.toString(), slot);
            }
            try {
                MemorySegment data = arena.allocate(4096);
                MemorySegment iov = arena.allocate(16);
                iov.set(ValueLayout.ADDRESS, 0, data);
                iov.set(ValueLayout.JAVA_LONG, 8, 4096L);
                MemorySegment control = arena.allocate(64);
                MemorySegment msg = arena.allocate(56);
                msg.set(ValueLayout.ADDRESS, 16, iov);
                msg.set(ValueLayout.JAVA_LONG, 24, 1L);
                msg.set(ValueLayout.ADDRESS, 32, control);
                msg.set(ValueLayout.JAVA_LONG, 40, 64L);
                long n;
                do {
                    n = (long) RECVMSG.invokeExact(slot, conn, msg, 0);
                } while (n < 0 && Libc.errno(slot) == EINTR);
                if (n < 0) {
                    throw Libc.fail("recvmsg", path.toString(), slot);
                }
                // struct cmsghdr { size_t len; int level; int type; unsigned char data[]; }
                long controlLen = msg.get(ValueLayout.JAVA_LONG, 40);
                if (controlLen < 20 || control.get(ValueLayout.JAVA_INT, 8) != SOL_SOCKET
                        || control.get(ValueLayout.JAVA_INT, 12) != SCM_RIGHTS) {
                    throw new PosixException("recvmsg", path + ": no file descriptor received", 0);
                }
                return new Pty(control.get(ValueLayout.JAVA_INT, 16));
            } finally {
                closeFd(conn);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("recvmsg downcall failed", t);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Arena arena = Arena.ofConfined()) {
            // shutdown wakes a thread blocked in accept; close alone does not on Linux
            int rc = (int) SHUTDOWN.invokeExact(Libc.errnoSlot(arena), fd, SHUT_RDWR);
        } catch (Throwable ignored) {
            // closing anyway
        }
        closeFd(fd);
        try {
            Files.deleteIfExists(path);
        } catch (java.io.IOException ignored) {
            // a leftover socket file is harmless; listen replaces it
        }
    }

    private static void closeFd(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) CLOSE.invokeExact(Libc.errnoSlot(arena), fd);
        } catch (Throwable ignored) {
            // nothing to do
        }
    }
}
