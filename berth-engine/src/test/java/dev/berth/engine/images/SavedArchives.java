package dev.berth.engine.images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Rewrites saved image archives for tests. */
final class SavedArchives {

    private SavedArchives() {
    }

    static byte[] without(byte[] archive, String... names) throws IOException {
        Set<String> drop = Set.of(names);
        return rewrite(archive, (e, data) -> drop.contains(e.getName()) ? null : data);
    }

    /** Replaces every blob that is a tar (a layer) with {@code layer}. */
    static byte[] replaceLayers(byte[] archive, byte[] layer) throws IOException {
        return rewrite(archive, (e, data) -> e.getName().startsWith("blobs/") && data.length >= 512
                && new String(data, 257, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ustar") ? layer : data);
    }

    interface Edit {
        byte[] apply(TarArchiveEntry e, byte[] data);
    }

    private static byte[] rewrite(byte[] archive, Edit edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(archive));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                byte[] edited = edit.apply(e, data);
                if (edited == null) {
                    continue;
                }
                e.setSize(edited.length);
                tar.putArchiveEntry(e);
                tar.write(edited);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
