package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * {@code mount(2)} and {@code umount2(2)}, with the flag values from {@code <sys/mount.h>}.
 *
 * <p>Mount options that are not flags (overlay's {@code lowerdir=...}, tmpfs's {@code size=})
 * travel in {@code data}, which the kernel copies into a single page: callers that build long
 * option strings must check their length ({@link #MAX_DATA_BYTES}).
 */
public final class Mounts {

    public static final long MS_RDONLY = 1L;
    public static final long MS_NOSUID = 2L;
    public static final long MS_NODEV = 4L;
    public static final long MS_NOEXEC = 8L;
    public static final long MS_REMOUNT = 32L;
    public static final long MS_BIND = 4096L;
    public static final long MS_MOVE = 8192L;
    public static final long MS_REC = 16384L;
    public static final long MS_PRIVATE = 1L << 18;
    public static final long MS_SLAVE = 1L << 19;
    public static final long MS_SHARED = 1L << 20;

    public static final int MNT_FORCE = 1;
    public static final int MNT_DETACH = 2;
    public static final int MNT_EXPIRE = 4;
    public static final int UMOUNT_NOFOLLOW = 8;

    /** The kernel copies at most one page of mount data; the last byte is the terminator. */
    public static final int MAX_DATA_BYTES = 4095;

    private static final MethodHandle MOUNT = Libc.syscall("mount", Libc.INT,
            Libc.POINTER, Libc.POINTER, Libc.POINTER, Libc.LONG, Libc.POINTER);
    private static final MethodHandle UMOUNT2 = Libc.syscall("umount2", Libc.INT,
            Libc.POINTER, Libc.INT);

    private Mounts() {
    }

    /**
     * Mounts {@code source} (a device, a directory for binds, or a name like "overlay") on
     * {@code target}. {@code fsType} and {@code data} may be null (binds, remounts).
     */
    public static void mount(String source, Path target, String fsType, long flags, String data)
            throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int rc = (int) MOUNT.invokeExact(slot,
                    cString(arena, source),
                    arena.allocateFrom(target.toString()),
                    cString(arena, fsType),
                    flags,
                    cString(arena, data));
            if (rc != 0) {
                throw Libc.fail("mount", target.toString(), slot);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mount downcall failed", t);
        }
    }

    /** Unmounts {@code target}; {@code flags} is 0 or a combination of {@code MNT_*}. */
    public static void unmount(Path target, int flags) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int rc = (int) UMOUNT2.invokeExact(slot, arena.allocateFrom(target.toString()), flags);
            if (rc != 0) {
                throw Libc.fail("umount2", target.toString(), slot);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("umount2 downcall failed", t);
        }
    }

    private static MemorySegment cString(Arena arena, String s) {
        return s == null ? MemorySegment.NULL : arena.allocateFrom(s);
    }

    /**
     * A path field of /proc/self/mountinfo as the path it names: the kernel writes space,
     * tab, newline and backslash as backslash and three octal digits.
     */
    public static String mountInfoPath(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                sb.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
