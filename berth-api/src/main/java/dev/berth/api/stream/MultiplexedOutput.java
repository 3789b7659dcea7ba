package dev.berth.api.stream;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes frames of Docker's multiplexed stdout/stderr format to one underlying stream.
 * Frames from concurrent writers never interleave: each frame is written and flushed
 * under the lock, so a client sees output as soon as it is produced.
 */
public final class MultiplexedOutput {

    private final OutputStream out;

    public MultiplexedOutput(OutputStream out) {
        this.out = out;
    }

    public void write(StdStream stream, byte[] data, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        byte[] header = {(byte) stream.code(), 0, 0, 0,
                (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
        synchronized (this) {
            out.write(header);
            out.write(data, offset, length);
            out.flush();
        }
    }

    public void write(StdStream stream, byte[] data) throws IOException {
        write(stream, data, 0, data.length);
    }

    /** An OutputStream whose every write becomes frames of one stream. */
    public OutputStream streamOf(StdStream stream) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                MultiplexedOutput.this.write(stream, new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                MultiplexedOutput.this.write(stream, b, off, len);
            }
        };
    }
}
