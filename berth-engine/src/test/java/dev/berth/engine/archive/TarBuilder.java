package dev.berth.engine.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tar streams in memory for tests, including ones no honest tool would write. */
public final class TarBuilder {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    public TarBuilder() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    public TarBuilder dir(String name) {
        return dir(name, 0755);
    }

    public TarBuilder dir(String name, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, true);
        e.setMode(mode);
        return put(e, null);
    }

    public TarBuilder file(String name, String content) {
        return file(name, content, 0644, 0, 0);
    }

    public TarBuilder file(String name, String content, int mode, int uid, int gid) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        e.setSize(data.length);
        e.setMode(mode);
        e.setUserId(uid);
        e.setGroupId(gid);
        e.setModTime(1_700_000_000_000L);
        return put(e, data);
    }

    public TarBuilder symlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        e.setLinkName(target);
        return put(e, null);
    }

    public TarBuilder hardlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        e.setLinkName(target);
        return put(e, null);
    }

    public TarBuilder entry(TarArchiveEntry e, byte[] data) {
        return put(e, data);
    }

    private TarBuilder put(TarArchiveEntry e, byte[] data) {
        try {
            tar.putArchiveEntry(e);
            if (data != null) {
                tar.write(data);
            }
            tar.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public byte[] tar() {
        try {
            tar.finish();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public byte[] tgz() {
        byte[] plain = tar();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
