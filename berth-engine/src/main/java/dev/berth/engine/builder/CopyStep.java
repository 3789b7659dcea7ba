package dev.berth.engine.builder;

import static dev.berth.engine.builder.RootPaths.at;

import dev.berth.api.build.DockerIgnore;
import dev.berth.engine.archive.TarExtractor;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.posix.FileSyscalls;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * COPY and ADD without a container: resolves the sources in a source tree (the context, with
 * {@code .dockerignore} applied, or another image's root for {@code --from}), digests their
 * content for the cache key, and writes them with Docker's rules into a staging tree that
 * becomes the layer. A source directory's contents (not the directory) are copied; several
 * sources, a wildcard that matched several, or a destination ending in {@code /} or naming an
 * existing directory make the destination a directory. Files keep their mode and mtime;
 * owners are 0:0 from the context and kept from an image, unless {@code --chown};
 * {@code --chmod} sets the mode. ADD unpacks local tar archives (plain or compressed). The
 * destination is resolved through the image's symbolic links ({@link RootPaths#followInRoot}).
 */
final class CopyStep {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final String keyword;
    private final Path srcRoot;
    private final DockerIgnore ignore;
    private final boolean fromContext;
    private final boolean add;
    private final Integer uid;
    private final Integer gid;
    private final Integer chmod;

    /** {@code unpack}: local tar archives are unpacked into the destination (ADD of context files). */
    CopyStep(String keyword, boolean unpack, Path srcRoot, DockerIgnore ignore, boolean fromContext, Integer uid,
            Integer gid, Integer chmod) {
        this.keyword = keyword;
        this.srcRoot = srcRoot;
        this.ignore = ignore;
        this.fromContext = fromContext;
        this.add = unpack;
        this.uid = uid;
        this.gid = gid;
        this.chmod = chmod;
    }

    /** The sources that {@code patterns} (expanded) name; InvalidArgumentException naming a missing one. */
    List<Path> sources(List<String> patterns) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String pattern : patterns) {
            String rel = RootPaths.clean(pattern);
            if (rel.equals("..") || rel.startsWith("../")) {
                throw new InvalidArgumentException(keyword + " failed: forbidden path outside the build context: "
                        + pattern + " ()");
            }
            if (rel.matches(".*[*?\\[].*")) {
                List<Path> matches = glob(rel);
                if (matches.isEmpty()) {
                    throw new InvalidArgumentException(keyword + " failed: no source files were specified");
                }
                out.addAll(matches);
                continue;
            }
            Path p = rel.equals(".") ? srcRoot : srcRoot.resolve(rel);
            if (!Files.exists(p, NOFOLLOW) || (!rel.equals(".") && excluded(rel))) {
                throw new InvalidArgumentException(keyword + " failed: file not found in build context or excluded by"
                        + " .dockerignore: stat " + rel + ": file does not exist");
            }
            out.add(p);
        }
        return out;
    }

    private List<Path> glob(String rel) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rel);
        int depth = rel.split("/").length;
        try (Stream<Path> walk = Files.walk(srcRoot, depth)) {
            return walk.filter(p -> !p.equals(srcRoot))
                    .filter(p -> {
                        String r = srcRoot.relativize(p).toString();
                        return r.split("/").length == depth && matcher.matches(Path.of(r)) && !excluded(r);
                    })
                    .sorted().toList();
        }
    }

    private boolean excluded(String rel) {
        return fromContext && ignore.excludes(rel);
    }

    /** A digest of everything the sources hold (names, types, modes, content), for the cache key. */
    String digest(List<Path> sources) throws IOException {
        MessageDigest md = Digest.newSha256();
        for (Path source : sources) {
            List<Path> all;
            try (Stream<Path> walk = Files.walk(source)) {
                all = walk.sorted().toList();
            }
            for (Path p : all) {
                String rel = srcRoot.relativize(p).toString();
                if (!rel.isEmpty() && excluded(rel)) {
                    continue;
                }
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size", NOFOLLOW);
                md.update((rel + "\0" + a.get("mode") + "\0" + (fromContext ? "" : a.get("uid") + ":" + a.get("gid"))
                        + "\0").getBytes(StandardCharsets.UTF_8));
                if (Files.isSymbolicLink(p)) {
                    md.update(Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8));
                } else if (Files.isRegularFile(p, NOFOLLOW)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        byte[] buf = new byte[65536];
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            md.update(buf, 0, n);
                        }
                    }
                }
                md.update((byte) '\n');
            }
        }
        return Digest.of(md).toString();
    }

    /**
     * Writes the sources to {@code dest} (absolute, cleaned, with its trailing slash kept) in
     * {@code staging}; {@code view} is the step's image, to see what exists already.
     */
    void write(List<Path> sources, String dest, Path staging, Path view) throws IOException {
        boolean trailingSlash = dest.endsWith("/");
        String destPath = RootPaths.followInRoot(view, RootPaths.clean(dest.substring(1)));
        boolean destIsDir = trailingSlash || sources.size() > 1 || Files.isDirectory(at(view, destPath), NOFOLLOW);
        if (sources.size() > 1 && !trailingSlash && !Files.isDirectory(at(view, destPath), NOFOLLOW)) {
            throw new InvalidArgumentException("When using " + keyword
                    + " with more than one source file, the destination must be a directory and end with a /");
        }
        for (Path source : sources) {
            if (Files.isDirectory(source, NOFOLLOW)) {
                Path target = at(staging, destPath);
                ensureDir(target);
                copyTree(source, target);
            } else if (add && isArchive(source)) {
                Path target = at(staging, destPath);
                Files.createDirectories(target);
                try (InputStream in = Files.newInputStream(source)) {
                    TarExtractor.extract(in, target);
                }
            } else {
                Path target = destIsDir ? at(staging, destPath).resolve(source.getFileName().toString())
                        : at(staging, destPath);
                Files.createDirectories(target.getParent());
                copyOne(source, target);
            }
        }
        fixAncestors(staging, destPath, destIsDir || sources.stream().anyMatch(Files::isDirectory), view);
    }

    /** Directories the copy created implicitly get the image's metadata where they exist there, else 0755 root. */
    private void fixAncestors(Path staging, String destPath, boolean destIsDir, Path view) throws IOException {
        List<String> dirs = new ArrayList<>();
        String[] parts = destPath.equals(".") ? new String[0] : destPath.split("/");
        int last = destIsDir ? parts.length : parts.length - 1;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < last; i++) {
            cur.append(i == 0 ? "" : "/").append(parts[i]);
            dirs.add(cur.toString());
        }
        for (int i = dirs.size() - 1; i >= 0; i--) {
            String rel = dirs.get(i);
            Path staged = at(staging, rel);
            Path existing = at(view, rel);
            if (!Files.isDirectory(staged, NOFOLLOW)) {
                continue;
            }
            if (Files.isDirectory(existing, NOFOLLOW)) {
                Map<String, Object> a = Files.readAttributes(existing, "unix:mode,uid,gid,lastModifiedTime", NOFOLLOW);
                FileSyscalls.chmod(staged, (Integer) a.get("mode") & 07777);
                FileSyscalls.lchown(staged, (Integer) a.get("uid"), (Integer) a.get("gid"));
                Files.setLastModifiedTime(staged, (FileTime) a.get("lastModifiedTime"));
            } else {
                boolean isDest = i == dirs.size() - 1 && destIsDir;
                FileSyscalls.chmod(staged, 0755);
                FileSyscalls.lchown(staged, isDest && uid != null ? uid : 0, isDest && gid != null ? gid : 0);
            }
        }
    }

    private void copyTree(Path source, Path target) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(source)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            String rel = srcRoot.relativize(child).toString();
            if (excluded(rel)) {
                if (Files.isDirectory(child, NOFOLLOW) && ignore.hasExceptions()) {
                    copyTree(child, target.resolve(child.getFileName().toString()));
                }
                continue;
            }
            Path dst = target.resolve(child.getFileName().toString());
            if (Files.isDirectory(child, NOFOLLOW)) {
                ensureDir(dst);
                copyTree(child, dst);
                attributes(child, dst);
            } else {
                copyOne(child, dst);
            }
        }
        attributes(source, target);
    }

    private void copyOne(Path source, Path target) throws IOException {
        if (Files.isDirectory(target, NOFOLLOW)) {
            Trees.delete(target);
        }
        if (Files.isSymbolicLink(source)) {
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Files.readSymbolicLink(source));
        } else if (Files.isRegularFile(source, NOFOLLOW)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                    LinkOption.NOFOLLOW_LINKS);
        } else {
            return; // devices, fifos and sockets are not copied from a context
        }
        attributes(source, target);
    }

    private void ensureDir(Path dir) throws IOException {
        if (Files.exists(dir, NOFOLLOW) && !Files.isDirectory(dir, NOFOLLOW)) {
            Files.delete(dir);
        }
        Files.createDirectories(dir);
    }

    private void attributes(Path source, Path target) throws IOException {
        Map<String, Object> a = Files.readAttributes(source, "unix:mode,uid,gid,lastModifiedTime", NOFOLLOW);
        int owner = uid != null ? uid : fromContext ? 0 : (Integer) a.get("uid");
        int group = gid != null ? gid : fromContext ? 0 : (Integer) a.get("gid");
        FileSyscalls.lchown(target, owner, group);
        if (!Files.isSymbolicLink(target)) {
            FileSyscalls.chmod(target, chmod != null ? chmod : (Integer) a.get("mode") & 07777);
            Files.setLastModifiedTime(target, (FileTime) a.get("lastModifiedTime"));
        }
    }

    /** A tar, gzip, bzip2 or xz file by its first bytes (ADD unpacks these). */
    static boolean isArchive(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return true;
        }
        if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return true;
        }
        if (n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X') {
            return true;
        }
        return n >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }
}
