package dev.berth.engine.archive;

import dev.berth.posix.FileSyscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Packs a directory tree into a tar stream: entries in byte order of their names (so the same
 * tree gives the same bytes), numeric owners only, times to the second, hard links as link
 * entries, extended attributes as PAX {@code SCHILY.xattr.*}, and overlay whiteouts turned
 * back into OCI whiteouts (a 0/0 character device {@code x} -> an empty {@code .wh.x}; an
 * opaque directory -> a {@code .wh..wh..opq} entry inside it).
 */
public final class TarWriter {

    private TarWriter() {
    }

    /** Writes the tar of everything below {@code root} (not {@code root} itself) to {@code out}; does not close it. */
    public static void write(Path root, OutputStream out) throws IOException {
        write(root, out, name -> false);
    }

    /**
     * As {@link #write(Path, OutputStream)}, leaving out every entry whose name (relative to
     * {@code root}, no leading slash, no trailing one for directories) {@code skip} accepts.
     * Returns the number of entries written.
     */
    public static int write(Path root, OutputStream out, Predicate<String> skip) throws IOException {
        TarArchiveOutputStream tar = open(out);
        Packer packer = new Packer(root, tar, skip);
        packer.directory(root, "");
        tar.finish();
        tar.close();
        return packer.entries;
    }

    /**
     * Writes {@code path} itself as the entry {@code name} (a directory with everything below
     * it, a link as a link) to {@code out}, as {@code docker cp} archives a path; does not close it.
     */
    public static void writePath(Path path, String name, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = open(out);
        new Packer(path, tar, n -> false).entry(path, name);
        tar.finish();
        tar.close();
    }

    private static TarArchiveOutputStream open(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        return tar;
    }

    private record Inode(long dev, long ino) {
    }

    private static final class Packer {
        private final Path root;
        private final TarArchiveOutputStream tar;
        private final Predicate<String> skip;
        private final Map<Inode, String> seen = new HashMap<>();
        int entries;

        Packer(Path root, TarArchiveOutputStream tar, Predicate<String> skip) {
            this.root = root;
            this.tar = tar;
            this.skip = skip;
        }

        void directory(Path dir, String prefix) throws IOException {
            List<Path> children;
            try (Stream<Path> list = Files.list(dir)) {
                children = new ArrayList<>(list.toList());
            }
            children.sort((a, b) -> compareBytes(a.getFileName().toString(), b.getFileName().toString()));
            for (Path child : children) {
                String name = prefix + child.getFileName();
                if (!skip.test(name)) {
                    entries++;
                    entry(child, name);
                }
            }
        }

        private void entry(Path path, String name) throws IOException {
            Map<String, Object> unix = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) unix.get("mode");
            int type = mode & 0170000;
            long rdev = (Long) unix.get("rdev");
            if (type == FileSyscalls.S_IFCHR && rdev == 0) {
                String whiteout = parentPrefix(name) + TarExtractor.WHITEOUT_PREFIX + path.getFileName();
                TarArchiveEntry e = new TarArchiveEntry(whiteout, TarConstants.LF_NORMAL, true);
                common(e, unix);
                e.setMode(0);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
                return;
            }
            TarArchiveEntry e;
            Path content = null;
            switch (type) {
                case 0040000 -> e = new TarArchiveEntry(name + "/", TarConstants.LF_DIR, true);
                case 0120000 -> {
                    e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
                    e.setLinkName(Files.readSymbolicLink(path).toString());
                }
                case FileSyscalls.S_IFCHR, FileSyscalls.S_IFBLK -> {
                    e = new TarArchiveEntry(name, type == FileSyscalls.S_IFCHR ? TarConstants.LF_CHR
                            : TarConstants.LF_BLK, true);
                    e.setDevMajor((int) FileSyscalls.major(rdev));
                    e.setDevMinor((int) FileSyscalls.minor(rdev));
                }
                case FileSyscalls.S_IFIFO -> e = new TarArchiveEntry(name, TarConstants.LF_FIFO, true);
                case 0100000 -> {
                    Inode inode = new Inode((Long) unix.get("dev"), (Long) unix.get("ino"));
                    String first = (Integer) unix.get("nlink") > 1 ? seen.putIfAbsent(inode, name) : null;
                    if (first != null) {
                        e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
                        e.setLinkName(first);
                    } else {
                        e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
                        e.setSize((Long) unix.get("size"));
                        content = path;
                    }
                }
                default -> {
                    return; // sockets and the like have no tar form
                }
            }
            common(e, unix);
            e.setMode(mode & 07777);
            for (String xattr : FileSyscalls.llistxattr(path)) {
                if (xattr.startsWith("trusted.overlay.")) {
                    continue;
                }
                Optional<byte[]> value = FileSyscalls.lgetxattr(path, xattr);
                value.ifPresent(v -> e.addPaxHeader("SCHILY.xattr." + xattr, new String(v, StandardCharsets.UTF_8)));
            }
            tar.putArchiveEntry(e);
            if (content != null) {
                try (InputStream in = Files.newInputStream(content, LinkOption.NOFOLLOW_LINKS)) {
                    in.transferTo(tar);
                }
            }
            tar.closeArchiveEntry();
            if (type == 0040000) {
                if (FileSyscalls.lgetxattr(path, TarExtractor.OPAQUE_XATTR)
                        .map(v -> new String(v, StandardCharsets.UTF_8).equals("y")).orElse(false)) {
                    TarArchiveEntry opq = new TarArchiveEntry(name + "/" + TarExtractor.OPAQUE_MARKER,
                            TarConstants.LF_NORMAL, true);
                    common(opq, unix);
                    opq.setMode(0);
                    tar.putArchiveEntry(opq);
                    tar.closeArchiveEntry();
                }
                directory(path, name + "/");
            }
        }

        private static void common(TarArchiveEntry e, Map<String, Object> unix) {
            e.setUserId(((Integer) unix.get("uid")).longValue());
            e.setGroupId(((Integer) unix.get("gid")).longValue());
            FileTime mtime = (FileTime) unix.get("lastModifiedTime");
            e.setModTime(FileTime.fromMillis(mtime.toMillis() / 1000 * 1000));
        }

        private static String parentPrefix(String name) {
            int slash = name.lastIndexOf('/');
            return slash < 0 ? "" : name.substring(0, slash + 1);
        }

        private static int compareBytes(String a, String b) {
            return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Lets the tar stream finish its end blocks without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
