package dev.berth.engine.builder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The mount points the runtime made in a build container's upper directory for the step's
 * {@code RUN --mount}s: an empty directory (or an empty file, for a file bind) at a target the
 * image lacked, and the directories above it that were copied up only to hold it. They are the
 * mounts', not the step's, so they are deleted before the upper directory becomes a layer, as
 * BuildKit removes the mount points it created.
 */
final class MountPoints {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private MountPoints() {
    }

    /** {@code targets}: absolute paths in the container; {@code lowerDirs}: the image's layers, top first. */
    static void removeFrom(Path upper, List<Path> lowerDirs, List<String> targets) throws IOException {
        List<String> deepestFirst = targets.stream().map(RootPaths::clean).filter(t -> !t.equals("."))
                .sorted(Comparator.comparingInt((String t) -> t.split("/").length).reversed()).toList();
        for (String target : deepestFirst) {
            String rel = target;
            while (rel != null) {
                Path p = upper.resolve(rel);
                Path lower = inImage(lowerDirs, rel);
                boolean empty = Files.isDirectory(p, NOFOLLOW) ? LayerCommitter.isEmpty(p)
                        : Files.isRegularFile(p, NOFOLLOW) && Files.size(p) == 0 && rel.equals(target);
                // what the image has stays, but for a directory above a target that was copied up unchanged
                boolean made = lower == null || (!rel.equals(target) && sameDirectory(p, lower));
                if (!empty || !made) {
                    break;
                }
                Files.delete(p);
                int slash = rel.lastIndexOf('/');
                rel = slash < 0 ? null : rel.substring(0, slash);
            }
        }
    }

    /** The path in the topmost layer that has it (a whiteout hides it), or null when the image lacks it. */
    private static Path inImage(List<Path> lowerDirs, String rel) throws IOException {
        for (Path lower : lowerDirs) {
            Path p = lower.resolve(rel);
            if (Files.exists(p, NOFOLLOW)) {
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,rdev", NOFOLLOW);
                boolean whiteout = ((int) a.get("mode") & 0170000) == 0020000 && (long) a.get("rdev") == 0;
                return whiteout ? null : p;
            }
        }
        return null;
    }

    private static boolean sameDirectory(Path upper, Path lower) throws IOException {
        if (!Files.isDirectory(lower, NOFOLLOW)) {
            return false;
        }
        Map<String, Object> u = Files.readAttributes(upper, "unix:mode,uid,gid", NOFOLLOW);
        Map<String, Object> l = Files.readAttributes(lower, "unix:mode,uid,gid", NOFOLLOW);
        return u.equals(l);
    }
}
