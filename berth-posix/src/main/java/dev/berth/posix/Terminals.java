package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Terminal calls on file descriptors: open a new pseudo-terminal (its master as a
 * {@link Pty}, its slave by path), switch a terminal to raw mode and back, read and set a
 * window size. Linux x86-64/aarch64 layouts ({@code struct termios} is 60 bytes,
 * {@code struct winsize} 8).
 */
public final class Terminals {

    /** A terminal's size in character cells. */
    public record Size(int rows, int columns) {
    }

    /** The saved settings of a terminal, to put back with {@link #restore}. */
    public record Saved(int fd, byte[] termios) {
    }

    /** A freshly opened pseudo-terminal: the master, and the slave's device path. */
    public record Opened(Pty master, Path slave) {
    }

    private static final int O_RDWR = 0x2;
    private static final int O_NOCTTY = 0x100;
    private static final int O_CLOEXEC = 0x80000;
    private static final int TCSANOW = 0;
    private static final long TIOCGWINSZ = 0x5413L;
    private static final long TIOCSWINSZ = 0x5414L;
    private static final int TERMIOS_SIZE = 60;

    private static final MethodHandle OPENPT = Libc.syscall("posix_openpt", Libc.INT, Libc.INT);
    private static final MethodHandle GRANTPT = Libc.syscall("grantpt", Libc.INT, Libc.INT);
    private static final MethodHandle UNLOCKPT = Libc.syscall("unlockpt", Libc.INT, Libc.INT);
    private static final MethodHandle PTSNAME_R = Libc.syscall("ptsname_r", Libc.INT, Libc.INT, Libc.POINTER, Libc.LONG);
    private static final MethodHandle TCGETATTR = Libc.syscall("tcgetattr", Libc.INT, Libc.INT, Libc.POINTER);
    private static final MethodHandle TCSETATTR = Libc.syscall("tcsetattr", Libc.INT, Libc.INT, Libc.INT, Libc.POINTER);
    private static final MethodHandle CFMAKERAW = java.lang.foreign.Linker.nativeLinker().downcallHandle(
            java.lang.foreign.Linker.nativeLinker().defaultLookup().find("cfmakeraw").orElseThrow(),
            java.lang.foreign.FunctionDescriptor.ofVoid(Libc.POINTER));
    private static final MethodHandle IOCTL = Libc.syscall("ioctl", Libc.INT, Libc.INT, Libc.LONG, Libc.POINTER);
    private static final MethodHandle OPEN = Libc.syscall("open", Libc.INT, Libc.POINTER, Libc.INT);
    private static final MethodHandle CLOSE = Libc.syscall("close", Libc.INT, Libc.INT);
    private static final MethodHandle ISATTY = Libc.function("isatty", Libc.INT, Libc.INT);

    private Terminals() {
    }

    /** Opens a new pseudo-terminal; the master is close-on-exec and not a controlling terminal. */
    public static Opened open() throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            int fd = (int) OPENPT.invokeExact(slot, O_RDWR | O_NOCTTY | O_CLOEXEC);
            if (fd < 0) {
                throw Libc.fail("posix_openpt", "/dev/ptmx", slot);
            }
            Pty master = new Pty(fd);
            try {
                if ((int) GRANTPT.invokeExact(slot, fd) != 0) {
                    throw Libc.fail("grantpt", "fd " + fd, slot);
                }
                if ((int) UNLOCKPT.invokeExact(slot, fd) != 0) {
                    throw Libc.fail("unlockpt", "fd " + fd, slot);
                }
                MemorySegment name = arena.allocate(128);
                int rc = (int) PTSNAME_R.invokeExact(slot, fd, name, 128L);
                if (rc != 0) {
                    throw new PosixException("ptsname_r", "fd " + fd, rc);
                }
                return new Opened(master, Path.of(name.getString(0)));
            } catch (Throwable t) {
                master.close();
                throw t;
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("pty downcall failed", t);
        }
    }

    public static boolean isTerminal(int fd) {
        try {
            return (int) ISATTY.invokeExact(fd) == 1;
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * Puts terminal {@code fd} in raw mode (no echo, no line editing, no signals from keys,
     * no output processing) and returns its previous settings.
     */
    public static Saved makeRaw(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            MemorySegment termios = arena.allocate(TERMIOS_SIZE);
            if ((int) TCGETATTR.invokeExact(slot, fd, termios) != 0) {
                throw Libc.fail("tcgetattr", "fd " + fd, slot);
            }
            byte[] saved = termios.toArray(ValueLayout.JAVA_BYTE);
            CFMAKERAW.invokeExact(termios);
            if ((int) TCSETATTR.invokeExact(slot, fd, TCSANOW, termios) != 0) {
                throw Libc.fail("tcsetattr", "fd " + fd, slot);
            }
            return new Saved(fd, saved);
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("termios downcall failed", t);
        }
    }

    /** Puts back the settings {@link #makeRaw} replaced; best effort (the terminal may be gone). */
    public static void restore(Saved saved) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment termios = arena.allocate(TERMIOS_SIZE);
            MemorySegment.copy(saved.termios(), 0, termios, ValueLayout.JAVA_BYTE, 0, TERMIOS_SIZE);
            int rc = (int) TCSETATTR.invokeExact(Libc.errnoSlot(arena), saved.fd(), TCSANOW, termios);
        } catch (Throwable ignored) {
            // nothing more to do on the way out
        }
    }

    /** The window size of terminal {@code fd}. */
    public static Size size(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            MemorySegment ws = arena.allocate(8);
            if ((int) IOCTL.invokeExact(slot, fd, TIOCGWINSZ, ws) != 0) {
                throw Libc.fail("ioctl(TIOCGWINSZ)", "fd " + fd, slot);
            }
            return new Size(Short.toUnsignedInt(ws.get(ValueLayout.JAVA_SHORT, 0)),
                    Short.toUnsignedInt(ws.get(ValueLayout.JAVA_SHORT, 2)));
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("ioctl downcall failed", t);
        }
    }

    /** Sets the window size of terminal {@code fd}; its foreground process group gets SIGWINCH. */
    public static void resize(int fd, Size size) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            MemorySegment ws = arena.allocate(8);
            ws.set(ValueLayout.JAVA_SHORT, 0, (short) size.rows());
            ws.set(ValueLayout.JAVA_SHORT, 2, (short) size.columns());
            if ((int) IOCTL.invokeExact(slot, fd, TIOCSWINSZ, ws) != 0) {
                throw Libc.fail("ioctl(TIOCSWINSZ)", "fd " + fd, slot);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("ioctl downcall failed", t);
        }
    }

    /**
     * Sets the window size of the terminal device at {@code path} (for example
     * {@code /proc/<pid>/fd/0} of a process whose stdin is a terminal), opened without
     * becoming its controlling process.
     */
    public static void resize(Path path, Size size) throws PosixException {
        int fd;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = Libc.errnoSlot(arena);
            fd = (int) OPEN.invokeExact(slot, arena.allocateFrom(path.toString()), O_RDWR | O_NOCTTY | O_CLOEXEC);
            if (fd < 0) {
                throw Libc.fail("open", path.toString(), slot);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("open downcall failed", t);
        }
        try {
            resize(fd, size);
        } finally {
            try (Arena arena = Arena.ofConfined()) {
                int rc = (int) CLOSE.invokeExact(Libc.errnoSlot(arena), fd);
            } catch (Throwable ignored) {
                // a failed close of a device we only configured
            }
        }
    }
}
