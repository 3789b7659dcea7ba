package dev.berth.engine.archive;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Recognises how a layer stream is compressed by its first bytes and undoes it. */
public final class Compression {

    private static final int BUFFER = 64 * 1024;

    private Compression() {
    }

    /** {@code in} uncompressed: gzip is inflated, zstd decoded, anything else passes through as a plain tar. */
    public static InputStream decompress(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(buffered, BUFFER);
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            // zstd-jni: the reference implementation, bundled for linux-amd64 in the jar (no network at run time)
            return new ZstdInputStreamNoFinalizer(buffered);
        }
        return buffered;
    }
}
