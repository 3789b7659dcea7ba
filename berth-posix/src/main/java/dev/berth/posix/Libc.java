package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The plumbing shared by every syscall wrapper in this package: looking up libc functions
 * and capturing {@code errno} right after the call (the JVM may clobber it otherwise).
 *
 * <p>A wrapper calls {@link #function(String, ValueLayout, ValueLayout...)} once per symbol,
 * and for each call allocates an errno slot with {@link #errnoSlot(Arena)}, passes it as
 * the first argument, and on failure throws {@link #fail(String, String, MemorySegment)}.
 */
public final class Libc {

    public static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout POINTER = ValueLayout.ADDRESS;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final MemoryLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(
            MemoryLayout.PathElement.groupElement("errno"));

    private Libc() {
    }

    /** A handle for a libc function that does not touch errno (or whose errno we ignore). */
    public static MethodHandle function(String name, ValueLayout result, ValueLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args));
    }

    /**
     * A handle for a libc function whose failure is reported through errno. The returned
     * handle takes an errno slot ({@link #errnoSlot(Arena)}) as its first argument.
     */
    public static MethodHandle syscall(String name, ValueLayout result, ValueLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args), CAPTURE_ERRNO);
    }

    /**
     * {@link #syscall} for a variadic function such as {@code fcntl}: the arguments from
     * {@code firstVariadic} on are passed as C varargs (promoted ints and pointers).
     */
    public static MethodHandle variadicSyscall(String name, int firstVariadic, ValueLayout result, ValueLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args),
                CAPTURE_ERRNO, Linker.Option.firstVariadicArg(firstVariadic));
    }

    public static MemorySegment errnoSlot(Arena arena) {
        return arena.allocate(CAPTURE_LAYOUT);
    }

    public static int errno(MemorySegment slot) {
        return (int) ERRNO.get(slot, 0L);
    }

    /** The exception for a call that returned -1, with the errno from its slot. */
    public static PosixException fail(String call, String subject, MemorySegment slot) {
        return new PosixException(call, subject, errno(slot));
    }

    /** One downcall through an errno-capturing handle, given its errno slot and a call arena. */
    @FunctionalInterface
    interface Downcall {
        long invoke(Arena arena, MemorySegment slot) throws Throwable;
    }

    /**
     * Runs {@code call} (again while it fails with EINTR) and returns its non-negative result;
     * a negative one becomes a {@link PosixException} naming {@code name} and {@code subject}.
     */
    static long retrying(String name, String subject, Downcall call) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = errnoSlot(arena);
            while (true) {
                long rc = call.invoke(arena, slot);
                if (rc >= 0) {
                    return rc;
                }
                if (errno(slot) != Errno.EINTR) {
                    throw fail(name, subject, slot);
                }
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(name + " downcall failed", t);
        }
    }

    private static MemorySegment symbol(String name) {
        return LOOKUP.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    }
}
