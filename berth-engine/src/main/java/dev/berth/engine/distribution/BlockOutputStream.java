package dev.berth.engine.distribution;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that hands its bytes on in blocks of a fixed size (the last one shorter),
 * whatever sizes they were written in: what the blob pipe and the layer gzip both need.
 */
abstract class BlockOutputStream extends OutputStream {

    private final byte[] block;
    private int filled;

    BlockOutputStream(int size) {
        this.block = new byte[size];
    }

    /** Receives a full block, or the last part; {@code buf} is reused after the call. */
    protected abstract void block(byte[] buf, int length) throws IOException;

    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public final void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int take = Math.min(len, block.length - filled);
            System.arraycopy(b, off, block, filled, take);
            filled += take;
            off += take;
            len -= take;
            if (filled == block.length) {
                drain();
            }
        }
    }

    /** Hands on what is buffered, if anything. */
    protected final void drain() throws IOException {
        if (filled > 0) {
            int n = filled;
            filled = 0;
            block(block, n);
        }
    }
}
