package dev.berth.posix;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The master side of a pseudo-terminal, held as a raw file descriptor (the JDK cannot wrap
 * one): blocking {@link #input()} and {@link #output()}, {@link #resize} by
 * {@code ioctl(TIOCSWINSZ)}. Reading returns EOF once every slave is closed (the kernel
 * answers EIO then). Read from a platform thread: a blocking read pins a virtual one.
 */
public final class Pty implements AutoCloseable {

    private static final int EIO = 5;
    private static final int EINTR = 4;
    private static final long TIOCSWINSZ = 0x5414L;

    private static final MethodHandle READ = Libc.syscall("read", Libc.LONG, Libc.INT, Libc.POINTER, Libc.LONG);
    private static final MethodHandle WRITE = Libc.syscall("write", Libc.LONG, Libc.INT, Libc.POINTER, Libc.LONG);
    private static final MethodHandle IOCTL = Libc.syscall("ioctl", Libc.INT, Libc.INT, Libc.LONG, Libc.POINTER);
    private static final MethodHandle CLOSE = Libc.syscall("close", Libc.INT, Libc.INT);

    private final int fd;
    private volatile boolean closed;

    public Pty(int fd) {
        this.fd = fd;
    }

    public int fd() {
        return fd;
    }

    /** Sets the terminal's size; the process in it gets SIGWINCH. */
    public void resize(int rows, int columns) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ws = arena.allocate(8);
            ws.set(ValueLayout.JAVA_SHORT, 0, (short) rows);
            ws.set(ValueLayout.JAVA_SHORT, 2, (short) columns);
            MemorySegment slot = Libc.errnoSlot(arena);
            int rc = (int) IOCTL.invokeExact(slot, fd, TIOCSWINSZ, ws);
            if (rc != 0) {
                throw Libc.fail("ioctl(TIOCSWINSZ)", "fd " + fd, slot);
            }
        } catch (PosixException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("ioctl downcall failed", t);
        }
    }

    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return Pty.this.read(b, off, len);
            }
        };
    }

    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Pty.this.write(b, off, len);
            }
        };
    }

    private int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(len);
            MemorySegment slot = Libc.errnoSlot(arena);
            while (true) {
                if (closed) {
                    return -1;
                }
                long n = (long) READ.invokeExact(slot, fd, buf, (long) len);
                if (n > 0) {
                    MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, b, off, (int) n);
                    return (int) n;
                }
                if (n == 0) {
                    return -1;
                }
                int errno = Libc.errno(slot);
                if (errno == EINTR) {
                    continue;
                }
                if (errno == EIO) {
                    return -1; // every slave closed: the terminal's output ended
                }
                throw new IOException(new PosixException("read", "pty fd " + fd, errno).getMessage());
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("read downcall failed", t);
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, len));
            MemorySegment.copy(b, off, buf, ValueLayout.JAVA_BYTE, 0, len);
            MemorySegment slot = Libc.errnoSlot(arena);
            long done = 0;
            while (done < len) {
                if (closed) {
                    throw new IOException("pty closed");
                }
                long n = (long) WRITE.invokeExact(slot, fd, buf.asSlice(done), (long) (len - done));
                if (n < 0) {
                    if (Libc.errno(slot) == EINTR) {
                        continue;
                    }
                    throw new IOException(new PosixException("write", "pty fd " + fd, Libc.errno(slot)).getMessage());
                }
                done += n;
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("write downcall failed", t);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) CLOSE.invokeExact(Libc.errnoSlot(arena), fd);
        } catch (Throwable ignored) {
            // nothing to do about a failed close
        }
    }
}
