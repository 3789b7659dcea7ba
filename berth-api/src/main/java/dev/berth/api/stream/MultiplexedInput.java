package dev.berth.api.stream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads Docker's multiplexed framing: {@link #next()} returns one frame, or null at a clean
 * end of stream (EOF between frames). A stream cut inside a frame is an EOFException.
 */
public final class MultiplexedInput {

    /** Frames larger than this are refused: no daemon sends them, and we must not allocate them. */
    private static final int MAX_FRAME = 16 << 20;

    private final InputStream in;

    public MultiplexedInput(InputStream in) {
        this.in = in;
    }

    public record Frame(StdStream stream, byte[] payload) {
    }

    public Frame next() throws IOException {
        byte[] header = new byte[8];
        int n = in.readNBytes(header, 0, 8);
        if (n == 0) {
            return null;
        }
        if (n < 8) {
            throw new EOFException("stream ended inside a frame header");
        }
        StdStream stream = StdStream.of(header[0] & 0xff);
        long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16)
                | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        if (size > MAX_FRAME) {
            throw new IOException("frame of " + size + " bytes is larger than " + MAX_FRAME);
        }
        byte[] payload = in.readNBytes((int) size);
        if (payload.length < size) {
            throw new EOFException("stream ended inside a frame");
        }
        return new Frame(stream, payload);
    }
}
