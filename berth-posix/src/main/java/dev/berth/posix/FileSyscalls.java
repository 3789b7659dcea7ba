package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * File operations the JDK cannot do, or cannot do without following symbolic links:
 * device nodes and fifos ({@code mknod}), extended attributes on the link itself
 * ({@code l*xattr}), ownership of a link ({@code lchown}) and timestamps of a link
 * ({@code utimensat} with {@code AT_SYMLINK_NOFOLLOW}). Used when unpacking and packing
 * image layers, where every path must be acted on as it is, never through a link.
 *
 * <p>Every method throws {@link PosixException} with the errno on failure.
 */
public final class FileSyscalls {

    /** File type bits for {@link #mknod(Path, int, long)}: character device. */
    public static final int S_IFCHR = 0020000;
    /** Block device. */
    public static final int S_IFBLK = 0060000;
    /** Named pipe. */
    public static final int S_IFIFO = 0010000;

    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int XATTR_BUFFER = 64 * 1024;

    private static final MethodHandle MKNOD = Libc.syscall("mknod",
            Libc.INT, Libc.POINTER, Libc.INT, Libc.LONG);
    private static final MethodHandle LCHOWN = Libc.syscall("lchown",
            Libc.INT, Libc.POINTER, Libc.INT, Libc.INT);
    private static final MethodHandle CHMOD = Libc.syscall("chmod",
            Libc.INT, Libc.POINTER, Libc.INT);
    private static final MethodHandle LSETXATTR = Libc.syscall("lsetxattr",
            Libc.INT, Libc.POINTER, Libc.POINTER, Libc.POINTER, Libc.LONG, Libc.INT);
    private static final MethodHandle LGETXATTR = Libc.syscall("lgetxattr",
            Libc.LONG, Libc.POINTER, Libc.POINTER, Libc.POINTER, Libc.LONG);
    private static final MethodHandle LLISTXATTR = Libc.syscall("llistxattr",
            Libc.LONG, Libc.POINTER, Libc.POINTER, Libc.LONG);
    private static final MethodHandle UTIMENSAT = Libc.syscall("utimensat",
            Libc.INT, Libc.INT, Libc.POINTER, Libc.POINTER, Libc.INT);

    private FileSyscalls() {
    }

    /** The {@code dev_t} for a major/minor pair, as glibc's {@code makedev} encodes it. */
    public static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8)
                | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    public static long major(long dev) {
        return ((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfffL);
    }

    public static long minor(long dev) {
        return ((dev >>> 12) & 0xffffff00L) | (dev & 0xffL);
    }

    /**
     * Creates a device node or fifo. {@code mode} holds the type ({@link #S_IFCHR},
     * {@link #S_IFBLK}, {@link #S_IFIFO}) and permission bits (the umask still applies).
     */
    public static void mknod(Path path, int mode, long dev) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            int rc = (int) MKNOD.invokeExact(errno, cString(arena, path), mode, dev);
            if (rc != 0) {
                throw Libc.fail("mknod", path.toString(), errno);
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mknod downcall failed", t);
        }
    }

    /** Changes the owner of {@code path} itself, not of what a link points to. */
    public static void lchown(Path path, int uid, int gid) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            int rc = (int) LCHOWN.invokeExact(errno, cString(arena, path), uid, gid);
            if (rc != 0) {
                throw Libc.fail("lchown", path.toString(), errno);
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("lchown downcall failed", t);
        }
    }

    /**
     * Sets all permission bits including set-user-ID, set-group-ID and sticky. Unlike the
     * JDK's {@code unix:mode} attribute it does not open the file, so it does not block on a
     * fifo. Follows a final link: callers pass paths they know are not links.
     */
    public static void chmod(Path path, int mode) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            int rc = (int) CHMOD.invokeExact(errno, cString(arena, path), mode);
            if (rc != 0) {
                throw Libc.fail("chmod", path.toString(), errno);
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("chmod downcall failed", t);
        }
    }

    /** Sets an extended attribute on {@code path} itself (flags 0: create or replace). */
    public static void lsetxattr(Path path, String name, byte[] value) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            MemorySegment v = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
            int rc = (int) LSETXATTR.invokeExact(errno, cString(arena, path), arena.allocateFrom(name),
                    v, (long) value.length, 0);
            if (rc != 0) {
                throw Libc.fail("lsetxattr", path + " " + name, errno);
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("lsetxattr downcall failed", t);
        }
    }

    /** The value of an extended attribute of {@code path} itself, or empty when it has none of that name. */
    public static Optional<byte[]> lgetxattr(Path path, String name) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            MemorySegment buf = arena.allocate(XATTR_BUFFER);
            long n = (long) LGETXATTR.invokeExact(errno, cString(arena, path), arena.allocateFrom(name),
                    buf, (long) XATTR_BUFFER);
            if (n < 0) {
                int e = Libc.errno(errno);
                if (e == Errno.ENODATA || e == Errno.EOPNOTSUPP) {
                    return Optional.empty();
                }
                throw new PosixException("lgetxattr", path + " " + name, e);
            }
            return Optional.of(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("lgetxattr downcall failed", t);
        }
    }

    /** The names of the extended attributes of {@code path} itself (empty where unsupported). */
    public static List<String> llistxattr(Path path) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            MemorySegment buf = arena.allocate(XATTR_BUFFER);
            long n = (long) LLISTXATTR.invokeExact(errno, cString(arena, path), buf, (long) XATTR_BUFFER);
            if (n < 0) {
                int e = Libc.errno(errno);
                if (e == Errno.EOPNOTSUPP) {
                    return List.of();
                }
                throw new PosixException("llistxattr", path.toString(), e);
            }
            byte[] bytes = buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
            List<String> names = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    if (i > start) {
                        names.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
            }
            return names;
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("llistxattr downcall failed", t);
        }
    }

    /**
     * Sets access and modification times of {@code path} itself (a link is not followed),
     * in seconds and nanoseconds since the epoch.
     */
    public static void lutimes(Path path, long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec)
            throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            MemorySegment times = arena.allocate(ValueLayout.JAVA_LONG, 4);
            times.setAtIndex(ValueLayout.JAVA_LONG, 0, atimeSec);
            times.setAtIndex(ValueLayout.JAVA_LONG, 1, atimeNsec);
            times.setAtIndex(ValueLayout.JAVA_LONG, 2, mtimeSec);
            times.setAtIndex(ValueLayout.JAVA_LONG, 3, mtimeNsec);
            int rc = (int) UTIMENSAT.invokeExact(errno, AT_FDCWD, cString(arena, path), times,
                    AT_SYMLINK_NOFOLLOW);
            if (rc != 0) {
                throw Libc.fail("utimensat", path.toString(), errno);
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("utimensat downcall failed", t);
        }
    }

    private static MemorySegment cString(Arena arena, Path path) {
        return arena.allocateFrom(path.toString());
    }
}
