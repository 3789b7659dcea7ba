package dev.berth.engine.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip stream a push makes of a layer: deflate level 1, but blocks of 1 MiB whose first
 * 32 KiB do not shrink by 5% (already-compressed files: jars, images, archives, random data)
 * are stored rather than deflated, as fast compressors skip incompressible input. Deflate is
 * nearly all of a cold push's CPU; measured on bench/registry-bench.sh's layers (half binaries,
 * half random), level 1 takes half of level 6's CPU and the skip halves what is left, for
 * ~5% more bytes than level 1. The output depends only on the input: the same tar always gives
 * the same blob (GZIPOutputStream writes no name and a zero mtime). {@link #finish()} ends the
 * gzip stream without closing {@code out}.
 */
final class LayerGzip extends BlockOutputStream {

    private static final int BLOCK = 1024 * 1024;
    private static final int SAMPLE = 32 * 1024;
    private static final double WORTH_IT = 0.95;

    private final Gzip gz;
    private final Deflater probe = new Deflater(Deflater.BEST_SPEED, true);
    private final byte[] probeOut = new byte[SAMPLE + 1024];
    private int level = Deflater.BEST_SPEED;

    /** GZIPOutputStream with its deflater in reach. */
    private static final class Gzip extends GZIPOutputStream {
        Gzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }

        void level(int level) {
            def.setLevel(level); // zlib's deflateParams: takes effect from the next input on
        }
    }

    LayerGzip(OutputStream out) throws IOException {
        super(BLOCK);
        this.gz = new Gzip(out);
    }

    /** Writes what is buffered and the gzip trailer; {@code out} stays open. */
    void finish() throws IOException {
        drain();
        gz.finish();
        probe.end();
    }

    @Override
    protected void block(byte[] block, int length) throws IOException {
        int want = compresses(block, length) ? Deflater.BEST_SPEED : Deflater.NO_COMPRESSION;
        if (want != level) {
            gz.level(want);
            level = want;
        }
        gz.write(block, 0, length);
    }

    /** Whether the block's first bytes shrink enough under level 1 to deflate the whole block. */
    private boolean compresses(byte[] block, int length) {
        int sample = Math.min(length, SAMPLE);
        probe.reset();
        probe.setInput(block, 0, sample);
        probe.finish();
        int size = 0;
        while (!probe.finished()) {
            size += probe.deflate(probeOut);
        }
        return size < sample * WORTH_IT;
    }
}
