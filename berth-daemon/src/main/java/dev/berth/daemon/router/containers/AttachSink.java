package dev.berth.daemon.router.containers;

import dev.berth.api.stream.MultiplexedOutput;
import dev.berth.api.stream.StdStream;
import dev.berth.engine.containers.OutputHub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * An attached client's view of a container's output. It is registered with the container
 * before the connection is hijacked: the client may start the container as soon as it sees
 * the 101, and output produced before {@link #connect} is held and sent first, so a
 * short-lived container's output is never lost. Raw bytes with a TTY, multiplexed frames
 * without.
 */
final class AttachSink implements OutputHub.Listener {

    private final boolean tty;
    private final boolean wantStdout;
    private final boolean wantStderr;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final ByteArrayOutputStream early = new ByteArrayOutputStream();
    private OutputStream raw;
    private MultiplexedOutput mux;

    AttachSink(boolean tty, boolean wantStdout, boolean wantStderr) {
        this.tty = tty;
        this.wantStdout = wantStdout;
        this.wantStderr = wantStderr;
    }

    /** From now on output goes to {@code out}, after what was held. */
    synchronized void connect(OutputStream out) throws IOException {
        raw = out;
        out.write(early.toByteArray());
        out.flush();
        early.reset();
        mux = new MultiplexedOutput(out);
    }

    @Override
    public synchronized void output(StdStream stream, byte[] data, int offset, int length) throws IOException {
        if (stream == StdStream.STDOUT && !wantStdout || stream == StdStream.STDERR && !wantStderr) {
            return;
        }
        if (raw == null) {
            // Not connected yet: keep the bytes exactly as they will be sent.
            if (tty) {
                early.write(data, offset, length);
            } else {
                new MultiplexedOutput(early).write(stream, data, offset, length);
            }
        } else if (tty) {
            raw.write(data, offset, length);
            raw.flush();
        } else {
            mux.write(stream, data, offset, length);
        }
    }

    @Override
    public void end() {
        ended.countDown();
    }

    void awaitEnd() throws InterruptedException {
        ended.await();
    }
}
