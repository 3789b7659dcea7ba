package dev.berth.engine.archive;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.posix.FileSyscalls;
import dev.berth.posix.PosixException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a tar (plain or gzip) into a directory, keeping modes, numeric owners, times,
 * extended attributes, device nodes and fifos, and turning OCI whiteouts into overlay
 * whiteouts ({@code .wh.x} -> a 0/0 character device {@code x}; {@code .wh..wh..opq} ->
 * {@code trusted.overlay.opaque=y} on the directory).
 *
 * <p>Nothing is written outside the root: entry names with {@code ..} are refused, parents
 * are resolved inside the root ({@link RootedResolver}), links may point anywhere but are
 * never written through to outside, and hard links must name a file inside the root. A
 * refused entry throws {@link InvalidArgumentException} naming it; the caller discards the
 * partly filled root (extract into a fresh temporary directory).
 */
public final class TarExtractor {

    public static final String WHITEOUT_PREFIX = ".wh.";
    public static final String OPAQUE_MARKER = ".wh..wh..opq";
    public static final String OPAQUE_XATTR = "trusted.overlay.opaque";
    private static final String XATTR_PAX_PREFIX = "SCHILY.xattr.";
    private static final int BUFFER = 64 * 1024;

    private TarExtractor() {
    }

    /** Unpacks {@code tarOrTgz} into the existing directory {@code root}. */
    public static ExtractResult extract(InputStream tarOrTgz, Path root) throws IOException {
        return extract(tarOrTgz, root, null);
    }

    /**
     * Unpacks {@code tarOrTgz} into the existing directory {@code root} with {@code options},
     * without computing a diff ID (nobody needs one for a copy, and hashing every byte was a
     * quarter of the daemon's CPU in {@code docker cp}).
     */
    public static void extractInto(InputStream tarOrTgz, Path root, ExtractOptions options) throws IOException {
        TarStreamRecorder recorder = new TarStreamRecorder(Compression.decompress(tarOrTgz), null, false);
        new Unpacker(root, recorder, options).run();
        recorder.drain();
    }

    /**
     * Unpacks {@code tarOrTgz} into the existing directory {@code root}; when {@code tarSplit}
     * is not null, records there what {@link TarSplit#reassemble} needs to rebuild the stream.
     */
    public static ExtractResult extract(InputStream tarOrTgz, Path root, Path tarSplit) throws IOException {
        try (TarSplit.Writer split = tarSplit == null ? null : new TarSplit.Writer(tarSplit)) {
            TarStreamRecorder recorder = new TarStreamRecorder(Compression.decompress(tarOrTgz), split, true);
            long content = new Unpacker(root, recorder, ExtractOptions.DEFAULT).run();
            recorder.drain();
            if (split != null) {
                split.finish();
            }
            return new ExtractResult(recorder.digest(), recorder.count(), content);
        }
    }

    /** A path's time from its tar entry (directories' are applied after their children). */
    private record EntryTime(Path path, long seconds, long nanos) {

        /** The entry's modification time, for {@code path}. */
        static EntryTime of(Path path, TarArchiveEntry entry) {
            long millis = entry.getModTime().getTime();
            return new EntryTime(path, Math.floorDiv(millis, 1000), Math.floorMod(millis, 1000) * 1_000_000L);
        }

        void apply() throws PosixException {
            FileSyscalls.lutimes(path, seconds, nanos, seconds, nanos);
        }
    }

    private static final class Unpacker {
        private final Path root;
        private final TarStreamRecorder recorder;
        private final RootedResolver resolver;
        private final ExtractOptions options;
        private final List<EntryTime> dirTimes = new ArrayList<>();
        private final byte[] buffer = new byte[BUFFER];

        Unpacker(Path root, TarStreamRecorder recorder, ExtractOptions options) {
            this.root = root;
            this.recorder = recorder;
            this.resolver = new RootedResolver(root);
            this.options = options;
        }

        long run() throws IOException {
            long content = 0;
            TarArchiveInputStream tar = new TarArchiveInputStream(recorder);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                content += unpack(tar, entry);
            }
            // a directory's time is set last: creating its children changed it
            for (EntryTime t : dirTimes.reversed()) {
                t.apply();
            }
            return content;
        }

        private long unpack(TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
            if (entry.isGlobalPaxHeader()) {
                return 0;
            }
            String name = entry.getName();
            List<String> parts = RootedResolver.components(name);
            if (parts.isEmpty()) {
                if (!entry.isDirectory()) {
                    throw new InvalidArgumentException("refusing tar entry " + name + ": it names the root");
                }
                applyAttributes(root, entry);
                return 0;
            }
            String base = parts.getLast();
            if (base.startsWith(WHITEOUT_PREFIX)) {
                whiteout(parts, name, entry);
                return 0;
            }
            Path path = resolver.resolve(parts, name, true);
            boolean keepDirectory = entry.isDirectory() && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            if (options.noOverwriteDirNonDir()) {
                refuseDirNonDirSwap(path, entry);
            }
            if (!keepDirectory) {
                Trees.deleteRecursively(path);
            }
            long written = 0;
            if (entry.isDirectory()) {
                if (!keepDirectory) {
                    Files.createDirectory(path);
                }
            } else if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else if (entry.isLink()) {
                hardLink(path, entry, name);
                return 0;
            } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
                int type = entry.isCharacterDevice() ? FileSyscalls.S_IFCHR : FileSyscalls.S_IFBLK;
                FileSyscalls.mknod(path, type | 0600, FileSyscalls.makedev(entry.getDevMajor(), entry.getDevMinor()));
            } else if (entry.isFIFO()) {
                FileSyscalls.mknod(path, FileSyscalls.S_IFIFO | 0600, 0);
            } else if (entry.isFile()) {
                written = writeFile(tar, path, entry);
            } else {
                throw new InvalidArgumentException("refusing tar entry " + name + ": unsupported type '"
                        + (char) entry.getLinkFlag() + "'");
            }
            applyAttributes(path, entry);
            return written;
        }

        /** moby's NoOverwriteDirNonDir, with its words. */
        private void refuseDirNonDirSwap(Path path, TarArchiveEntry entry) throws IOException {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            boolean existingDir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            if (existingDir != entry.isDirectory()) {
                String shown = Path.of(options.shownRoot()).resolve(root.relativize(path).toString()).toString();
                throw new ConflictException(existingDir
                        ? "cannot overwrite directory \"" + shown + "\" with non-directory \"" + options.shownRoot() + "\""
                        : "cannot overwrite non-directory \"" + shown + "\" with directory \"" + options.shownRoot() + "\"");
            }
        }

        private long writeFile(TarArchiveInputStream tar, Path path, TarArchiveEntry entry) throws IOException {
            long size = entry.getSize();
            recorder.beginPayload(root.relativize(path).toString(), size);
            long total = 0;
            try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                int n;
                // A full buffer per write: the tar stream hands out what one HTTP chunk held
                // (often 4 KiB), and each write to an overlay file is a blocking syscall.
                while ((n = tar.readNBytes(buffer, 0, buffer.length)) > 0) {
                    out.write(buffer, 0, n);
                    total += n;
                }
            } finally {
                recorder.endPayload();
            }
            if (total != size) {
                throw new InvalidArgumentException("truncated tar entry " + entry.getName());
            }
            return total;
        }

        private void hardLink(Path path, TarArchiveEntry entry, String name) throws IOException {
            List<String> targetParts = RootedResolver.components(entry.getLinkName());
            if (targetParts.isEmpty()) {
                throw new InvalidArgumentException("refusing tar entry " + name + ": hard link to the root");
            }
            Path target = resolver.resolve(targetParts, name, false);
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidArgumentException("refusing tar entry " + name + ": hard link target "
                        + entry.getLinkName() + " is not a file inside the root");
            }
            Files.createLink(path, target);
        }

        private void whiteout(List<String> parts, String name, TarArchiveEntry entry) throws IOException {
            String base = parts.getLast();
            Path dir = resolver.resolveDirectory(parts.subList(0, parts.size() - 1), name, true);
            if (base.equals(OPAQUE_MARKER)) {
                FileSyscalls.lsetxattr(dir, OPAQUE_XATTR, "y".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
                return; // aufs bookkeeping (.wh..wh.plnk and friends): meaningless for overlay
            }
            String hidden = base.substring(WHITEOUT_PREFIX.length());
            RootedResolver.components(hidden);
            Path path = dir.resolve(hidden);
            Trees.deleteRecursively(path);
            FileSyscalls.mknod(path, FileSyscalls.S_IFCHR, 0);
            FileSyscalls.lchown(path, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
            EntryTime.of(path, entry).apply(); // the entry's time: packing the tree again gives the same tar
        }

        private void applyAttributes(Path path, TarArchiveEntry entry) throws IOException {
            if (options.owner().isPresent()) {
                FileSyscalls.lchown(path, options.owner().get().uid(), options.owner().get().gid());
            } else {
                FileSyscalls.lchown(path, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
            }
            if (!entry.isSymbolicLink()) {
                // after chown: chown clears set-user-ID bits
                FileSyscalls.chmod(path, entry.getMode() & 07777);
            }
            for (Map.Entry<String, String> pax : entry.getExtraPaxHeaders().entrySet()) {
                if (pax.getKey().startsWith(XATTR_PAX_PREFIX)) {
                    setXattr(path, pax.getKey().substring(XATTR_PAX_PREFIX.length()), pax.getValue());
                }
            }
            EntryTime time = EntryTime.of(path, entry);
            if (entry.isDirectory()) {
                dirTimes.add(time); // set last: creating children changes a directory's time
            } else {
                time.apply();
            }
        }

        private static void setXattr(Path path, String name, String value) throws PosixException {
            if (name.startsWith("trusted.overlay.")) {
                return; // a layer must not smuggle overlay metadata in; whiteouts say what they mean
            }
            FileSyscalls.lsetxattr(path, name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
