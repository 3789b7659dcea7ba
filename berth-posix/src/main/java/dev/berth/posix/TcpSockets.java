package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * Blocking TCP sockets as plain file descriptors: what {@link Splice} needs, since the JDK's
 * sockets never show their descriptor. IPv4 and IPv6, every descriptor close-on-exec.
 *
 * <p>Lifecycle: {@link #listen} or {@link #connect} gives a descriptor the caller owns and
 * ends with {@link #close}. Calls block their thread in the kernel, which pins a virtual
 * thread's carrier: call them on platform threads. {@link #shutdown} may be called from any
 * thread while another is blocked on the same descriptor and wakes it: a listening socket's
 * {@code accept} fails with EINVAL, a connected socket's reads see EOF and its writes EPIPE.
 * Never close a descriptor another thread may still be using: its number can be reused at once.
 */
public final class TcpSockets {

    /** {@code how} for {@link #shutdown}. */
    public enum Shutdown {
        /** No more reads: a blocked read returns EOF. */
        READ,
        /** No more writes: the peer reads EOF (a half-close). */
        WRITE,
        /** Both: wakes every call blocked on the socket. */
        BOTH
    }

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int SO_SNDTIMEO = 21;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_NODELAY = 1;
    private static final long SOCKADDR_SIZE = 28; // sockaddr_in6, the larger of the two
    private static final ValueLayout.OfShort PORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private static final MethodHandle SOCKET = Libc.syscall("socket", Libc.INT, Libc.INT, Libc.INT, Libc.INT);
    private static final MethodHandle SETSOCKOPT = Libc.syscall("setsockopt", Libc.INT,
            Libc.INT, Libc.INT, Libc.INT, Libc.POINTER, Libc.INT);
    private static final MethodHandle BIND = Libc.syscall("bind", Libc.INT, Libc.INT, Libc.POINTER, Libc.INT);
    private static final MethodHandle LISTEN = Libc.syscall("listen", Libc.INT, Libc.INT, Libc.INT);
    private static final MethodHandle GETSOCKNAME = Libc.syscall("getsockname", Libc.INT,
            Libc.INT, Libc.POINTER, Libc.POINTER);
    private static final MethodHandle ACCEPT4 = Libc.syscall("accept4", Libc.INT,
            Libc.INT, Libc.POINTER, Libc.POINTER, Libc.INT);
    private static final MethodHandle CONNECT = Libc.syscall("connect", Libc.INT, Libc.INT, Libc.POINTER, Libc.INT);
    private static final MethodHandle SHUTDOWN = Libc.syscall("shutdown", Libc.INT, Libc.INT, Libc.INT);

    private TcpSockets() {
    }

    /**
     * A socket listening on {@code address:port} (0: any free port; see {@link #localPort}),
     * with SO_REUSEADDR so that a port just closed can be bound again while its old
     * connections linger. Fails with the failing call's errno (bind: EADDRINUSE when taken).
     */
    public static int listen(InetAddress address, int port, int backlog) throws PosixException {
        String subject = address.getHostAddress() + ":" + port;
        int fd = open(address, subject);
        try {
            setInt(fd, SOL_SOCKET, SO_REUSEADDR, 1, subject);
            Libc.retrying("bind", subject, (arena, slot) -> {
                MemorySegment sa = sockaddr(arena, address, port);
                return (int) BIND.invokeExact(slot, fd, sa, (int) sa.byteSize());
            });
            Libc.retrying("listen", subject, (arena, slot) -> (int) LISTEN.invokeExact(slot, fd, backlog));
            return fd;
        } catch (PosixException | RuntimeException e) {
            closeQuietly(fd);
            throw e;
        }
    }

    /** The local port a socket is bound to. */
    public static int localPort(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = arena.allocate(SOCKADDR_SIZE, 4);
            MemorySegment len = arena.allocateFrom(ValueLayout.JAVA_INT, (int) SOCKADDR_SIZE);
            Libc.retrying("getsockname", "fd " + fd, (a, slot) -> (int) GETSOCKNAME.invokeExact(slot, fd, sa, len));
            return Short.toUnsignedInt(sa.get(PORT, 2));
        }
    }

    /**
     * Waits for a connection on a listening socket and returns its descriptor (with
     * TCP_NODELAY). Fails with EINVAL once the listener was {@link #shutdown}.
     */
    public static int accept(int listenFd) throws PosixException {
        int fd = (int) Libc.retrying("accept4", "fd " + listenFd,
                (arena, slot) -> (int) ACCEPT4.invokeExact(slot, listenFd, MemorySegment.NULL, MemorySegment.NULL,
                        SOCK_CLOEXEC));
        noDelay(fd);
        return fd;
    }

    /**
     * A socket connected to {@code address:port} (with TCP_NODELAY). Gives up after
     * {@code timeout} with EINPROGRESS (the kernel's word for a connect that ran out of time),
     * otherwise fails with connect's errno (ECONNREFUSED, EHOSTUNREACH, ...).
     */
    public static int connect(InetAddress address, int port, Duration timeout) throws PosixException {
        String subject = address.getHostAddress() + ":" + port;
        int fd = open(address, subject);
        try {
            // A blocking connect waits up to SO_SNDTIMEO; reset afterwards, as it bounds every write too.
            sendTimeout(fd, timeout, subject);
            Libc.retrying("connect", subject, (arena, slot) -> {
                MemorySegment sa = sockaddr(arena, address, port);
                return (int) CONNECT.invokeExact(slot, fd, sa, (int) sa.byteSize());
            });
            sendTimeout(fd, Duration.ZERO, subject);
            noDelay(fd);
            return fd;
        } catch (PosixException | RuntimeException e) {
            closeQuietly(fd);
            throw e;
        }
    }

    /** {@code shutdown(2)}; ENOTCONN when the socket is not (or no longer) connected. */
    public static void shutdown(int fd, Shutdown how) throws PosixException {
        Libc.retrying("shutdown", "fd " + fd, (arena, slot) -> (int) SHUTDOWN.invokeExact(slot, fd, how.ordinal()));
    }

    public static void close(int fd) throws PosixException {
        Processes.close(fd);
    }

    private static int open(InetAddress address, String subject) throws PosixException {
        int family = address.getAddress().length == 16 ? AF_INET6 : AF_INET;
        return (int) Libc.retrying("socket", subject,
                (arena, slot) -> (int) SOCKET.invokeExact(slot, family, SOCK_STREAM | SOCK_CLOEXEC, 0));
    }

    // struct sockaddr_in (16 bytes) or sockaddr_in6 (28): family in host order, port and address in network order.
    private static MemorySegment sockaddr(Arena arena, InetAddress address, int port) {
        byte[] ip = address.getAddress();
        boolean v6 = ip.length == 16;
        MemorySegment sa = arena.allocate(v6 ? 28 : 16, 4);
        sa.set(ValueLayout.JAVA_SHORT, 0, (short) (v6 ? AF_INET6 : AF_INET));
        sa.set(PORT, 2, (short) port);
        MemorySegment.copy(ip, 0, sa, ValueLayout.JAVA_BYTE, v6 ? 8 : 4, ip.length);
        return sa;
    }

    private static void noDelay(int fd) throws PosixException {
        // as Go's net package: a proxied request or reply is written whole, never held back by Nagle
        setInt(fd, IPPROTO_TCP, TCP_NODELAY, 1, "fd " + fd);
    }

    private static void setInt(int fd, int level, int option, int value, String subject) throws PosixException {
        Libc.retrying("setsockopt", subject, (arena, slot) -> {
            MemorySegment v = arena.allocateFrom(ValueLayout.JAVA_INT, value);
            return (int) SETSOCKOPT.invokeExact(slot, fd, level, option, v, 4);
        });
    }

    private static void sendTimeout(int fd, Duration timeout, String subject) throws PosixException {
        Libc.retrying("setsockopt", subject, (arena, slot) -> {
            MemorySegment tv = arena.allocate(16, 8); // struct timeval {long tv_sec; long tv_usec}
            tv.set(ValueLayout.JAVA_LONG, 0, timeout.toSeconds());
            tv.set(ValueLayout.JAVA_LONG, 8, timeout.toMillisPart() * 1000L);
            return (int) SETSOCKOPT.invokeExact(slot, fd, SOL_SOCKET, SO_SNDTIMEO, tv, 16);
        });
    }

    private static void closeQuietly(int fd) {
        try {
            close(fd);
        } catch (PosixException e) {
            // already failing: the first error is the one to report
        }
    }
}
