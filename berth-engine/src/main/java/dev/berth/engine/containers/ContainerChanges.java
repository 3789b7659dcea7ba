package dev.berth.engine.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The changes of a container's writable layer against its image, as {@code docker diff}
 * reports them: what overlayfs holds in the upper directory is either new (A), a changed
 * copy of something below (C), or a whiteout, a 0/0 character device, for something deleted
 * (D). A directory below is reported changed only when something inside it is.
 */
public final class ContainerChanges {

    /** One change; {@code kind} is dockerd's number: 0 modified, 1 added, 2 deleted. */
    public record Change(String path, Kind kind) {
        public enum Kind {
            MODIFIED, ADDED, DELETED;

            public int code() {
                return ordinal();
            }

            public char letter() {
                return "CAD".charAt(ordinal());
            }
        }
    }

    /** Mount points the runtime creates for berth's /etc files: not the container's own changes. */
    private static final Set<String> PLACEHOLDERS = Set.of("/etc/hostname", "/etc/hosts", "/etc/resolv.conf");

    private ContainerChanges() {
    }

    /** The changes in {@code upper} over {@code lowers} (top-most first), sorted by path. */
    public static List<Change> of(Path upper, List<Path> lowers) throws IOException {
        List<Change> changes = new ArrayList<>();
        if (Files.isDirectory(upper)) {
            walk(upper, upper, lowers, changes);
        }
        return changes;
    }

    /** Adds the changes under {@code dir}; returns whether there were any. */
    private static boolean walk(Path upper, Path dir, List<Path> lowers, List<Change> out) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        boolean any = false;
        for (Path entry : entries) {
            String path = "/" + upper.relativize(entry);
            boolean below = existsBelow(upper.relativize(entry), lowers);
            if (isWhiteout(entry)) {
                out.add(new Change(path, Change.Kind.DELETED));
                any = true;
            } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                int at = out.size();
                boolean inside = walk(upper, entry, lowers, out);
                if (!below) {
                    out.add(at, new Change(path, Change.Kind.ADDED));
                    any = true;
                } else if (inside) {
                    out.add(at, new Change(path, Change.Kind.MODIFIED));
                    any = true;
                }
            } else if (PLACEHOLDERS.contains(path) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(entry) == 0) {
                continue;
            } else {
                out.add(new Change(path, below ? Change.Kind.MODIFIED : Change.Kind.ADDED));
                any = true;
            }
        }
        return any;
    }

    private static boolean existsBelow(Path relative, List<Path> lowers) {
        for (Path lower : lowers) {
            if (Files.exists(lower.resolve(relative), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWhiteout(Path entry) throws IOException {
        if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(entry)) {
            return false;
        }
        Object rdev = Files.getAttribute(entry, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        Object mode = Files.getAttribute(entry, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return ((Integer) mode & 0170000) == 0020000 && ((Long) rdev) == 0L;
    }
}
