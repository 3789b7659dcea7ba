package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Process control the JDK lacks: {@code kill(2)} with any signal, {@code pidfd_open(2)}, and
 * {@code prctl(PR_SET_CHILD_SUBREAPER)} so that orphaned descendants (a container whose
 * runtime died) are re-parented to this process instead of to init.
 */
public final class Processes {

    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGKILL = 9;
    public static final int SIGUSR1 = 10;
    public static final int SIGUSR2 = 12;
    public static final int SIGTERM = 15;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;

    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static final int PR_GET_CHILD_SUBREAPER = 37;
    private static final long SYS_PIDFD_OPEN = 434L;

    private static final MethodHandle KILL = Libc.syscall("kill", Libc.INT, Libc.INT, Libc.INT);
    private static final MethodHandle PRCTL = Libc.syscall("prctl", Libc.INT,
            Libc.INT, Libc.LONG, Libc.LONG, Libc.LONG, Libc.LONG);
    private static final MethodHandle PRCTL_GET = Libc.syscall("prctl", Libc.INT,
            Libc.INT, Libc.POINTER, Libc.LONG, Libc.LONG, Libc.LONG);
    private static final MethodHandle SYSCALL2 = Libc.syscall("syscall", Libc.LONG,
            Libc.LONG, Libc.LONG, Libc.LONG);
    private static final MethodHandle CLOSE = Libc.syscall("close", Libc.INT, Libc.INT);

    // syscall(2) and prctl(2) are variadic in glibc; every argument is passed as a long so
    // that each fills a whole register, as the kernel reads them.
    private Processes() {
    }

    /** Sends {@code signal} to {@code pid}; signal 0 only checks that the process exists. */
    public static void kill(long pid, int signal) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int rc = (int) KILL.invokeExact(slot, Math.toIntExact(pid), signal);
            if (rc != 0) {
                throw Libc.fail("kill", "pid " + pid + ", signal " + signal, slot);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("kill downcall failed", t);
        }
    }

    /** Whether a process with this pid exists (a zombie counts), by {@code kill(pid, 0)}. */
    public static boolean exists(long pid) {
        try {
            kill(pid, 0);
            return true;
        } catch (PosixException e) {
            return e.errno() == Errno.EPERM;
        }
    }

    /** Makes this process the child subreaper of its descendants (or stops being one). */
    public static void setChildSubreaper(boolean on) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int rc = (int) PRCTL.invokeExact(slot, PR_SET_CHILD_SUBREAPER, on ? 1L : 0L, 0L, 0L, 0L);
            if (rc != 0) {
                throw Libc.fail("prctl", "PR_SET_CHILD_SUBREAPER", slot);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("prctl downcall failed", t);
        }
    }

    public static boolean isChildSubreaper() throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            MemorySegment value = arena.allocate(Libc.INT);
            int rc = (int) PRCTL_GET.invokeExact(slot, PR_GET_CHILD_SUBREAPER, value, 0L, 0L, 0L);
            if (rc != 0) {
                throw Libc.fail("prctl", "PR_GET_CHILD_SUBREAPER", slot);
            }
            return value.get(Libc.INT, 0) != 0;
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("prctl downcall failed", t);
        }
    }

    /**
     * Opens a pidfd for {@code pid} (Linux 5.3+): unlike the number, the descriptor cannot
     * come to name another process after this one exits. The caller closes it ({@link #close}).
     */
    public static int pidfdOpen(long pid) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            long rc = (long) SYSCALL2.invokeExact(slot, SYS_PIDFD_OPEN, pid, 0L);
            if (rc < 0) {
                throw Libc.fail("pidfd_open", "pid " + pid, slot);
            }
            return (int) rc;
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("pidfd_open downcall failed", t);
        }
    }

    public static void close(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int rc = (int) CLOSE.invokeExact(slot, fd);
            if (rc != 0) {
                throw Libc.fail("close", "fd " + fd, slot);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("close downcall failed", t);
        }
    }
}
