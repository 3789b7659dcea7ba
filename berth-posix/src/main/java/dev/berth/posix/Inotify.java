package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code inotify(7)}: what a cgroup v2 memory notification needs (the kernel reports a change
 * of {@code memory.events} as {@code IN_MODIFY}, cgroup v2 has no eventfd registration).
 * One instance owns one non-blocking inotify descriptor; add it to an {@link EventPoll} with
 * {@link #fd()} and call {@link #read()} when it is readable. Methods may be called from any
 * thread; {@link #read()} from one at a time.
 */
public final class Inotify implements AutoCloseable {

    /** The file was written (a cgroup file: its values changed). */
    public static final int IN_MODIFY = 0x2;
    /** The watch is gone: removed by {@link #removeWatch}, or its file was deleted. */
    public static final int IN_IGNORED = 0x8000;

    private static final int IN_CLOEXEC = 0x80000;
    private static final int IN_NONBLOCK = 0x800;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    private static final int HEADER = 16; // int wd; uint32 mask, cookie, len; then len bytes of name
    private static final int BUFFER = 4096;

    private static final MethodHandle INIT1 = Libc.syscall("inotify_init1", Libc.INT, Libc.INT);
    private static final MethodHandle ADD_WATCH = Libc.syscall("inotify_add_watch", Libc.INT,
            Libc.INT, Libc.POINTER, Libc.INT);
    private static final MethodHandle RM_WATCH = Libc.syscall("inotify_rm_watch", Libc.INT, Libc.INT, Libc.INT);
    private static final MethodHandle READ = Libc.syscall("read", Libc.LONG, Libc.INT, Libc.POINTER, Libc.LONG);

    /** One event: the watch it belongs to and what happened ({@code IN_*} bits). */
    public record Event(int watch, int mask) {
        public boolean ignored() {
            return (mask & IN_IGNORED) != 0;
        }
    }

    private final int fd;

    public Inotify() throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int rc = (int) INIT1.invokeExact(slot, IN_CLOEXEC | IN_NONBLOCK);
            if (rc < 0) {
                throw Libc.fail("inotify_init1", "", slot);
            }
            this.fd = rc;
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("inotify_init1 downcall failed", t);
        }
    }

    /** The descriptor to poll for readability. */
    public int fd() {
        return fd;
    }

    /** Watches {@code path} for the {@code IN_*} events in {@code mask}; returns the watch number. */
    public int addWatch(Path path, int mask) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int wd = (int) ADD_WATCH.invokeExact(slot, fd, arena.allocateFrom(path.toString()), mask);
            if (wd < 0) {
                throw Libc.fail("inotify_add_watch", path.toString(), slot);
            }
            return wd;
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("inotify_add_watch downcall failed", t);
        }
    }

    /** Ends a watch; a watch the kernel already dropped (its file deleted) is ignored. */
    public void removeWatch(int watch) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int unused = (int) RM_WATCH.invokeExact(slot, fd, watch);
            // EINVAL: the watch is already gone, which is what the caller wanted
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("inotify_rm_watch downcall failed", t);
        }
    }

    /** The events queued now; empty when there are none (the descriptor is non-blocking). */
    public List<Event> read() throws PosixException {
        List<Event> events = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            MemorySegment buf = arena.allocate(BUFFER, 8);
            while (true) {
                long n = (long) READ.invokeExact(slot, fd, buf, (long) BUFFER);
                if (n < 0) {
                    int errno = Libc.errno(slot);
                    if (errno == EAGAIN) {
                        return events;
                    }
                    if (errno == EINTR) {
                        continue;
                    }
                    throw Libc.fail("read", "inotify " + fd, slot);
                }
                for (long at = 0; at + HEADER <= n; ) {
                    int wd = buf.get(ValueLayout.JAVA_INT, at);
                    int mask = buf.get(ValueLayout.JAVA_INT, at + 4);
                    int len = buf.get(ValueLayout.JAVA_INT, at + 12);
                    events.add(new Event(wd, mask));
                    at += HEADER + len;
                }
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("read downcall failed", t);
        }
    }

    @Override
    public void close() throws PosixException {
        Processes.close(fd);
    }
}
