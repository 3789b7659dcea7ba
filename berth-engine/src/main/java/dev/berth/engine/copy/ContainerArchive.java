package dev.berth.engine.copy;

import dev.berth.engine.archive.ExtractOptions;
import dev.berth.engine.archive.TarExtractor;
import dev.berth.engine.archive.TarWriter;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.runtime.spec.ResolvedUser;
import dev.berth.engine.runtime.spec.RootfsPath;
import dev.berth.engine.runtime.spec.UserResolver;
import dev.berth.engine.volumes.ContainerMount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker cp}'s three operations on a container's mounted filesystem. A container path
 * is first matched against the container's bind and volume mounts (the deepest destination
 * wins), then resolved below that root with {@link RootfsPath}: every symlink on the way is
 * followed as the container would follow it, and {@code /} or {@code ..} in a link target
 * stop at the root. The last component is not followed (a link is copied as a link and
 * stat reports its target), as dockerd does.
 */
public final class ContainerArchive {

    private ContainerArchive() {
    }

    /**
     * {@code mounts} plus the engine's own files bound into the container ({@code /etc/hosts},
     * {@code /etc/hostname}, {@code /etc/resolv.conf}: destination -> host file), those that
     * exist, after the user's mounts so that a user's bind on the same path wins. cp then reads
     * what the container sees there, as with dockerd, not the image's empty placeholder.
     */
    public static List<ContainerMount> withEngineFiles(List<ContainerMount> mounts, Map<String, Path> engineFiles) {
        List<ContainerMount> all = new java.util.ArrayList<>(mounts);
        engineFiles.forEach((destination, file) -> {
            if (Files.isRegularFile(file)) {
                all.add(new ContainerMount(ContainerMount.Type.BIND, "", file.toString(), destination, false, "",
                        "rprivate", false, List.of(), false, false));
            }
        });
        return all;
    }

    /** Where a container path lies on the host; the last component may be a symlink or missing. */
    record Located(Path host, String containerPath, Path root, String rel) {
    }

    static Located locate(Path rootfs, List<ContainerMount> mounts, String containerPath) {
        if (containerPath == null || containerPath.isEmpty()) {
            throw new InvalidArgumentException("Could not find the file  in container");
        }
        String clean = Path.of("/").resolve(containerPath).normalize().toString();
        Path root = rootfs;
        String rel = clean;
        int best = -1;
        for (ContainerMount m : mounts) {
            if (m.type() == ContainerMount.Type.TMPFS) {
                continue;
            }
            String dst = m.destination();
            if ((clean.equals(dst) || clean.startsWith(dst + "/")) && dst.length() > best) {
                best = dst.length();
                root = Path.of(m.source());
                rel = clean.substring(dst.length());
            }
        }
        if (rel.isEmpty() || rel.equals("/")) {
            return new Located(root, clean, root, "/");
        }
        Path relPath = Path.of(rel);
        String parent = relPath.getParent() == null ? "/" : relPath.getParent().toString();
        Optional<Path> parentHost = RootfsPath.resolve(root, parent);
        if (parentHost.isEmpty()) {
            throw notFound(containerPath);
        }
        return new Located(parentHost.get().resolve(relPath.getFileName().toString()), clean, root, rel);
    }

    public static PathStat stat(Path rootfs, List<ContainerMount> mounts, String containerPath) throws IOException {
        Located at = locate(rootfs, mounts, containerPath);
        if (!Files.exists(at.host(), LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(containerPath);
        }
        Map<String, Object> unix = Files.readAttributes(at.host(), "unix:mode,size,lastModifiedTime",
                LinkOption.NOFOLLOW_LINKS);
        int stMode = (Integer) unix.get("mode");
        String linkTarget = "";
        if (Files.isSymbolicLink(at.host())) {
            String target = Files.readSymbolicLink(at.host()).toString();
            Path parent = Path.of(at.containerPath()).getParent();
            linkTarget = target.startsWith("/") ? Path.of(target).normalize().toString()
                    : (parent == null ? Path.of("/") : parent).resolve(target).normalize().toString();
        }
        String name = Path.of(at.containerPath()).getFileName() == null ? "/"
                : Path.of(at.containerPath()).getFileName().toString();
        return new PathStat(name, (Long) unix.get("size"), PathStat.goMode(stMode),
                ((FileTime) unix.get("lastModifiedTime")).toInstant(), linkTarget);
    }

    /** Writes the tar of the path (named by its last component) to {@code out}. */
    public static void read(Path rootfs, List<ContainerMount> mounts, String containerPath, OutputStream out)
            throws IOException {
        Located at = locate(rootfs, mounts, containerPath);
        if (!Files.exists(at.host(), LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(containerPath);
        }
        Path name = Path.of(at.containerPath()).getFileName();
        if (name == null) {
            TarWriter.write(at.host(), out);
        } else {
            TarWriter.writePath(at.host(), name.toString(), out);
        }
    }

    /**
     * Unpacks {@code tar} into the container directory {@code containerDir} (links on the
     * way followed inside the container). Entries can never land outside it (the extractor
     * refuses {@code ..} and writes through no link that leads out). Owners are the tar's, as
     * dockerd keeps them, unless {@code ownerUser} (copyUIDGID: the container's configured
     * user, resolved in its own /etc/passwd and /etc/group) is given; with
     * {@code noOverwriteDirNonDir} a directory is never replaced by a non-directory nor the
     * reverse (409).
     */
    public static void write(Path rootfs, List<ContainerMount> mounts, String containerDir, InputStream tar,
            boolean noOverwriteDirNonDir, Optional<String> ownerUser) throws IOException {
        Located at = locate(rootfs, mounts, containerDir);
        // the directory itself may be a link: followed too, inside the same root
        Path dir = RootfsPath.resolve(at.root(), at.rel()).orElseThrow(() -> notFound(containerDir));
        if (!Files.exists(dir)) {
            throw notFound(containerDir);
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidArgumentException("extraction point is not a directory");
        }
        Optional<ExtractOptions.Owner> owner = ownerUser.filter(u -> !u.isEmpty()).map(u -> {
            ResolvedUser user = UserResolver.resolve(u, rootfs);
            return new ExtractOptions.Owner((int) user.uid(), (int) user.gid());
        });
        TarExtractor.extractInto(tar, dir, new ExtractOptions(noOverwriteDirNonDir, owner, at.containerPath()));
    }

    private static NotFoundException notFound(String path) {
        return new NotFoundException("Could not find the file " + path + " in container");
    }
}
