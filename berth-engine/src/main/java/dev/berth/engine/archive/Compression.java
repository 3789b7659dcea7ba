package dev.berth.engine.archive;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Recognises how a layer stream or a build context is compressed by its first bytes and undoes it:
 * gzip, zstd, and (as dockerd's archive package) bzip2 and xz.
 */
public final class Compression {

    private static final int BUFFER = 64 * 1024;

    private Compression() {
    }

    /**
     * {@code in} uncompressed: gzip is inflated, zstd, bzip2 and xz decoded, anything else passes through as a
     * plain tar.
     */
    public static InputStream decompress(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        buffered.mark(6);
        byte[] magic = buffered.readNBytes(6);
        buffered.reset();
        return switch (format(magic)) {
            case GZIP -> new GZIPInputStream(buffered, BUFFER);
            // zstd-jni: the reference implementation, bundled for linux-amd64 in the jar (no network at run time)
            case ZSTD -> new ZstdInputStreamNoFinalizer(buffered);
            case BZIP2 -> new BZip2CompressorInputStream(buffered, true);
            case XZ -> new XZCompressorInputStream(buffered, true);
            case NONE -> buffered;
        };
    }

    /** Whether a stream starting with {@code head} is compressed in a way {@link #decompress} undoes. */
    public static boolean isCompressed(byte[] head) {
        return format(head) != Format.NONE;
    }

    private enum Format { NONE, GZIP, ZSTD, BZIP2, XZ }

    private static Format format(byte[] magic) {
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return Format.GZIP;
        }
        if (magic.length >= 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return Format.ZSTD;
        }
        if (magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
            return Format.BZIP2;
        }
        if (magic.length >= 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X'
                && magic[4] == 'Z' && magic[5] == 0) {
            return Format.XZ;
        }
        return Format.NONE;
    }
}
