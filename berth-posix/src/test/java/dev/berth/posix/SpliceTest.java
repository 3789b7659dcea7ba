package dev.berth.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link TcpSockets} and {@link Splice} on loopback: a listener accepts, a connect reaches it,
 * a few MiB move through a pipe unchanged, EOF and shutdown behave as a proxy needs, and
 * failures carry their errno.
 */
class SpliceTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Each task on a platform thread of its own: the common pool may have a single worker. */
    private static final java.util.concurrent.Executor OWN_THREAD = r -> Thread.ofPlatform().daemon().start(r);

    private static byte[] pattern(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + (i >> 12));
        }
        return data;
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void listen_anyPort_reportsTheBoundPort_andJavaCanConnect() throws Exception {
        int listener = TcpSockets.listen(LOOPBACK, 0, 16);
        try {
            int port = TcpSockets.localPort(listener);
            assertThat(port).isPositive();
            CompletableFuture<Integer> accepted = CompletableFuture.supplyAsync(() -> acceptOrFail(listener), OWN_THREAD);
            try (Socket client = new Socket(LOOPBACK, port)) {
                int fd = await(accepted);
                assertThat(fd).isGreaterThan(2);
                TcpSockets.close(fd);
                assertThat(client.getInputStream().read()).isEqualTo(-1);
            }
        } finally {
            TcpSockets.close(listener);
        }
    }

    @Test
    void copy_movesSeveralMiBUnchanged_thenReturnsAtEof() throws Exception {
        byte[] data = pattern(5 * 1024 * 1024 + 123);
        try (ServerSocket sink = new ServerSocket(0, 1, LOOPBACK); ServerSocket source = new ServerSocket(0, 1, LOOPBACK)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(sink), OWN_THREAD);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> writeAll(source, data), OWN_THREAD);
            int from = TcpSockets.connect(LOOPBACK, source.getLocalPort(), TIMEOUT);
            int to = TcpSockets.connect(LOOPBACK, sink.getLocalPort(), TIMEOUT);
            try (Splice.Pipe pipe = Splice.pipe(256 * 1024)) {
                assertThat(pipe.capacity()).isGreaterThanOrEqualTo(256 * 1024);
                assertThat(Splice.copy(from, to, pipe)).isEqualTo(data.length);
                TcpSockets.shutdown(to, TcpSockets.Shutdown.WRITE); // the sink's read ends: a half-close
                await(sent);
                assertThat(Arrays.equals(await(received), data)).isTrue();
            } finally {
                TcpSockets.close(from);
                TcpSockets.close(to);
            }
        }
    }

    @Test
    void shutdownBoth_wakesABlockedAccept() throws Exception {
        int listener = TcpSockets.listen(LOOPBACK, 0, 16);
        CompletableFuture<Integer> accepted = blocking(() -> acceptOrFail(listener));
        TcpSockets.shutdown(listener, TcpSockets.Shutdown.BOTH);
        assertThatThrownBy(() -> await(accepted))
                .hasCauseInstanceOf(PosixException.class)
                .cause().satisfies(e -> assertThat(((PosixException) e).errno()).isEqualTo(Errno.EINVAL));
        TcpSockets.close(listener);
    }

    @Test
    void shutdownBoth_endsABlockedCopyAtEof() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, LOOPBACK); Splice.Pipe pipe = Splice.pipe(0)) {
            int from = TcpSockets.connect(LOOPBACK, peer.getLocalPort(), TIMEOUT);
            int to = TcpSockets.connect(LOOPBACK, peer.getLocalPort(), TIMEOUT);
            try (Socket a = peer.accept(); Socket b = peer.accept()) {
                CompletableFuture<Long> copied = blocking(() -> copyOrFail(from, to, pipe));
                TcpSockets.shutdown(from, TcpSockets.Shutdown.BOTH);
                assertThat(await(copied)).isZero();
            } finally {
                TcpSockets.close(from);
                TcpSockets.close(to);
            }
        }
    }

    @Test
    void listen_onATakenPort_failsInBindWithEaddrinuse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            assertThatThrownBy(() -> TcpSockets.listen(LOOPBACK, taken.getLocalPort(), 16))
                    .isInstanceOfSatisfying(PosixException.class, e -> {
                        assertThat(e.call()).isEqualTo("bind");
                        assertThat(e.errno()).isEqualTo(Errno.EADDRINUSE);
                    });
        }
    }

    @Test
    void listen_againRightAfterClose_bindsTheSamePort() throws Exception {
        int first = TcpSockets.listen(LOOPBACK, 0, 16);
        int port = TcpSockets.localPort(first);
        TcpSockets.close(first);
        int second = TcpSockets.listen(LOOPBACK, port, 16);
        assertThat(TcpSockets.localPort(second)).isEqualTo(port);
        TcpSockets.close(second);
    }

    @Test
    void connect_toAClosedPort_failsWithEconnrefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> TcpSockets.connect(LOOPBACK, port, TIMEOUT))
                .isInstanceOfSatisfying(PosixException.class, e -> {
                    assertThat(e.call()).isEqualTo("connect");
                    assertThat(e.errno()).isEqualTo(Errno.ECONNREFUSED);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + port, "ECONNREFUSED");
                });
    }

    @Test
    void copy_fromAClosedDescriptor_failsWithEbadf() throws Exception {
        try (Splice.Pipe pipe = Splice.pipe(0)) {
            int fd = TcpSockets.listen(LOOPBACK, 0, 1);
            TcpSockets.close(fd);
            assertThatThrownBy(() -> Splice.copy(fd, pipe.writeFd(), pipe))
                    .isInstanceOfSatisfying(PosixException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBADF));
        }
    }

    /**
     * Runs {@code task} on a platform thread of its own and returns once that thread has entered
     * the blocking downcall, so that what follows tests a wake-up.
     */
    private static <T> CompletableFuture<T> blocking(java.util.function.Supplier<T> task) throws InterruptedException {
        Thread[] runner = new Thread[1];
        CompletableFuture<T> result = CompletableFuture.supplyAsync(task, r -> {
            runner[0] = Thread.ofPlatform().daemon().start(r);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!result.isDone() && !inDowncall(runner[0]) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return result;
    }

    // The downcall's own frames are hidden from getStackTrace: its caller is the top frame left.
    private static boolean inDowncall(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        if (stack.length == 0) {
            return false;
        }
        StackTraceElement top = stack[0];
        return top.getClassName().equals(Splice.class.getName()) && top.getMethodName().equals("splice")
                || top.getClassName().equals(TcpSockets.class.getName()) && top.getMethodName().startsWith("lambda$");
    }

    private static int acceptOrFail(int listener) {
        try {
            return TcpSockets.accept(listener);
        } catch (PosixException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static long copyOrFail(int from, int to, Splice.Pipe pipe) {
        try {
            return Splice.copy(from, to, pipe);
        } catch (PosixException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static byte[] readAll(ServerSocket server) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeAll(ServerSocket server, byte[] data) {
        try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
            out.write(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
