package dev.berth.engine.archive;

import dev.berth.engine.error.SystemException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of a tar stream that are not file contents (headers, padding, end blocks), with
 * markers where each file's content goes. With the unpacked directory it rebuilds the original
 * stream byte for byte, so that a saved or pushed layer has the diff ID it was unpacked with,
 * without keeping a second copy of the layer. The file is gzip-compressed (headers compress well).
 */
public final class TarSplit {

    private static final int RAW = 1;
    private static final int FILE = 2;
    private static final int END = 0;
    private static final int FLUSH_AT = 1 << 20;

    private TarSplit() {
    }

    /** Records a stream into a file; {@link #finish()} must be called for the record to be complete. */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private final ByteArrayOutputStream raw = new ByteArrayOutputStream();

        Writer(Path file) throws IOException {
            this.out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024));
        }

        void raw(byte[] b, int off, int len) throws IOException {
            raw.write(b, off, len);
            if (raw.size() >= FLUSH_AT) {
                flushRaw();
            }
        }

        void file(String relativePath, long size) throws IOException {
            flushRaw();
            out.writeByte(FILE);
            out.writeUTF(relativePath);
            out.writeLong(size);
        }

        void finish() throws IOException {
            flushRaw();
            out.writeByte(END);
        }

        private void flushRaw() throws IOException {
            if (raw.size() > 0) {
                out.writeByte(RAW);
                out.writeInt(raw.size());
                raw.writeTo(out);
                raw.reset();
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * Writes the original tar stream to {@code out}: recorded bytes from {@code splitFile},
     * file contents from under {@code root}. Throws SystemException when a file no longer has
     * the size it was unpacked with.
     */
    public static void reassemble(Path splitFile, Path root, OutputStream out) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(splitFile), 64 * 1024))) {
            byte[] buf = new byte[64 * 1024];
            while (true) {
                int kind = in.readByte();
                switch (kind) {
                    case RAW -> {
                        int len = in.readInt();
                        copy(in, out, len, buf);
                    }
                    case FILE -> {
                        String rel = in.readUTF();
                        long size = in.readLong();
                        Path file = root.resolve(rel);
                        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != size) {
                            throw new SystemException("layer content changed: " + rel);
                        }
                        try (InputStream content = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                            copy(content, out, size, buf);
                        }
                    }
                    case END -> {
                        return;
                    }
                    default -> throw new SystemException("corrupt tar-split record in " + splitFile);
                }
            }
        } catch (EOFException e) {
            throw new SystemException("truncated tar-split record in " + splitFile, e);
        }
    }

    private static void copy(InputStream in, OutputStream out, long len, byte[] buf) throws IOException {
        long left = len;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException();
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }
}
