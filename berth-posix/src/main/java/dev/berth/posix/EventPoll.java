package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code epoll(7)} over eventfds: what a cgroup v1 memory notification needs
 * ({@code cgroup.event_control} takes "&lt;eventfd&gt; &lt;fd of memory.oom_control&gt;").
 * One instance owns one epoll descriptor; {@link #await} blocks its caller (use a platform
 * thread), the other methods may be called from any thread.
 */
public final class EventPoll implements AutoCloseable {

    private static final int EFD_CLOEXEC = 0x80000;
    private static final int EFD_NONBLOCK = 0x800;
    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLLIN = 0x1;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    // struct epoll_event is packed on x86_64 (12 bytes), naturally aligned elsewhere (16).
    private static final boolean PACKED = System.getProperty("os.arch").equals("amd64");
    private static final long EVENT_SIZE = PACKED ? 12 : 16;
    private static final long DATA_OFFSET = PACKED ? 4 : 8;
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.nativeOrder());

    private static final MethodHandle EVENTFD = Libc.syscall("eventfd", Libc.INT, Libc.INT, Libc.INT);
    private static final MethodHandle EPOLL_CREATE1 = Libc.syscall("epoll_create1", Libc.INT, Libc.INT);
    private static final MethodHandle EPOLL_CTL = Libc.syscall("epoll_ctl", Libc.INT,
            Libc.INT, Libc.INT, Libc.INT, Libc.POINTER);
    private static final MethodHandle EPOLL_WAIT = Libc.syscall("epoll_wait", Libc.INT,
            Libc.INT, Libc.POINTER, Libc.INT, Libc.INT);
    private static final MethodHandle READ = Libc.syscall("read", Libc.LONG, Libc.INT, Libc.POINTER, Libc.LONG);
    private static final MethodHandle WRITE = Libc.syscall("write", Libc.LONG, Libc.INT, Libc.POINTER, Libc.LONG);
    private static final MethodHandle OPEN = Libc.syscall("open", Libc.INT, Libc.POINTER, Libc.INT);

    private final int epfd;

    public EventPoll() throws PosixException {
        this.epfd = intCall("epoll_create1", EPOLL_CREATE1, EPOLL_CLOEXEC, 0);
    }

    /** A new non-blocking eventfd (counter 0); the caller closes it with {@link #close(int)}. */
    public static int eventFd() throws PosixException {
        return intCall("eventfd", EVENTFD, 0, EFD_CLOEXEC | EFD_NONBLOCK);
    }

    /** Opens {@code path} read-only (O_CLOEXEC) and returns the descriptor. */
    public static int openReadOnly(Path path) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int fd = (int) OPEN.invokeExact(slot, arena.allocateFrom(path.toString()), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                throw Libc.fail("open", path.toString(), slot);
            }
            return fd;
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("open downcall failed", t);
        }
    }

    /** Watches {@code fd} for readability; {@link #await} reports it by its number. */
    public void add(int fd) throws PosixException {
        ctl(EPOLL_CTL_ADD, fd);
    }

    public void remove(int fd) throws PosixException {
        ctl(EPOLL_CTL_DEL, fd);
    }

    /** Waits up to {@code timeoutMillis} (-1: forever) and returns the ready descriptors. */
    public List<Integer> await(int maxEvents, int timeoutMillis) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            MemorySegment events = arena.allocate(EVENT_SIZE * maxEvents, 8);
            int n = (int) EPOLL_WAIT.invokeExact(slot, epfd, events, maxEvents, timeoutMillis);
            if (n < 0) {
                if (Libc.errno(slot) == EINTR) {
                    return List.of();
                }
                throw Libc.fail("epoll_wait", "epfd " + epfd, slot);
            }
            List<Integer> ready = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ready.add((int) events.get(U64, i * EVENT_SIZE + DATA_OFFSET));
            }
            return ready;
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("epoll_wait downcall failed", t);
        }
    }

    /** Reads and resets an eventfd's counter; 0 when nothing was signalled. */
    public static long drain(int eventFd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            MemorySegment value = arena.allocate(8, 8);
            long n = (long) READ.invokeExact(slot, eventFd, value, 8L);
            if (n < 0) {
                if (Libc.errno(slot) == EAGAIN) {
                    return 0;
                }
                throw Libc.fail("read", "eventfd " + eventFd, slot);
            }
            return value.get(U64, 0);
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("read downcall failed", t);
        }
    }

    /** Adds one to an eventfd's counter, waking whoever polls it. */
    public static void signal(int eventFd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            MemorySegment value = arena.allocate(8, 8);
            value.set(U64, 0, 1L);
            long n = (long) WRITE.invokeExact(slot, eventFd, value, 8L);
            if (n < 0) {
                throw Libc.fail("write", "eventfd " + eventFd, slot);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("write downcall failed", t);
        }
    }

    public static void close(int fd) throws PosixException {
        Processes.close(fd);
    }

    @Override
    public void close() throws PosixException {
        Processes.close(epfd);
    }

    private void ctl(int op, int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            MemorySegment event = arena.allocate(EVENT_SIZE, 8);
            event.set(ValueLayout.JAVA_INT, 0, EPOLLIN);
            event.set(U64, DATA_OFFSET, fd);
            int rc = (int) EPOLL_CTL.invokeExact(slot, epfd, op, fd, event);
            if (rc != 0) {
                throw Libc.fail("epoll_ctl", "fd " + fd, slot);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("epoll_ctl downcall failed", t);
        }
    }

    // epoll_create1(flags) and eventfd(initval, flags): one or two int arguments, fd or -1.
    private static int intCall(String name, MethodHandle handle, int first, int second) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int fd = handle == EPOLL_CREATE1 ? (int) handle.invokeExact(slot, first)
                    : (int) handle.invokeExact(slot, first, second);
            if (fd < 0) {
                throw Libc.fail(name, "", slot);
            }
            return fd;
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(name + " downcall failed", t);
        }
    }
}
