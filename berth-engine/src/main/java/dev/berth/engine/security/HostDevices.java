package dev.berth.engine.security;

import dev.berth.api.types.container.DeviceMapping;
import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads device nodes of the host for {@code --device} and {@code --privileged}, as moby's
 * oci.DevicesFromPath and runc's devices.HostDevices do: a symlink is followed once, a
 * directory stands for every device below it (at the same relative path inside), a path
 * that is neither fails the start with dockerd's message.
 */
public final class HostDevices {

    /** Directories of /dev that are never device nodes of the container (runc's list). */
    private static final Set<String> SKIPPED_DIRS = Set.of("pts", "shm", "fd", "mqueue", ".lxc", ".lxd-mounts", ".udev");

    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;

    private HostDevices() {
    }

    /** Checks a mapping's form at create (the host side is read at start). */
    public static void check(DeviceMapping m) {
        if (m.pathOnHost() == null || m.pathOnHost().isEmpty()) {
            throw new InvalidArgumentException("invalid device mapping: no path on the host");
        }
        String inside = m.pathInContainer() == null || m.pathInContainer().isEmpty() ? m.pathOnHost() : m.pathInContainer();
        if (!inside.startsWith("/")) {
            throw new InvalidArgumentException("bad format for path: " + inside);
        }
        if (!validPermissions(permissions(m))) {
            throw new InvalidArgumentException("invalid device mode: " + m.cgroupPermissions());
        }
    }

    /** {@code r}, {@code w}, {@code m}, each at most once, at least one. */
    public static boolean validPermissions(String mode) {
        if (mode.isEmpty() || mode.length() > 3) {
            return false;
        }
        for (int i = 0; i < mode.length(); i++) {
            char c = mode.charAt(i);
            if ("rwm".indexOf(c) < 0 || mode.indexOf(c) != i) {
                return false;
            }
        }
        return true;
    }

    /** The devices one {@code --device} names, read from the host. */
    public static List<HostDevice> of(DeviceMapping m) {
        String inside = m.pathInContainer() == null || m.pathInContainer().isEmpty() ? m.pathOnHost() : m.pathInContainer();
        Path onHost = Path.of(m.pathOnHost());
        String permissions = permissions(m);
        try {
            if (Files.isSymbolicLink(onHost)) {
                onHost = onHost.toRealPath();
            }
            var device = device(onHost, inside, permissions);
            if (device != null) {
                return List.of(device);
            }
            if (Files.isDirectory(onHost)) {
                List<HostDevice> found = walk(onHost, inside, permissions, Set.of());
                if (!found.isEmpty()) {
                    return found;
                }
            }
            throw gathering(m, "not a device node");
        } catch (NoSuchFileException e) {
            throw gathering(m, "no such file or directory");
        } catch (IOException e) {
            throw gathering(m, e.getMessage());
        }
    }

    /** Every device node under /dev, for {@code --privileged}. */
    public static List<HostDevice> all(Path dev) {
        try {
            return walk(dev, dev.toString(), "rwm", SKIPPED_DIRS);
        } catch (IOException e) {
            throw new dev.berth.engine.error.SystemException("cannot list the host's devices: " + e.getMessage(), e);
        }
    }

    private static List<HostDevice> walk(Path root, String inside, String permissions, Set<String> skippedDirs)
            throws IOException {
        List<HostDevice> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && skippedDirs.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().equals("console")) {
                    HostDevice d = device(file, inside + "/" + root.relativize(file), permissions);
                    if (d != null) {
                        found.add(d);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone meanwhile, or unreadable: not ours to give
            }
        });
        return found;
    }

    /** The node at {@code file} (not followed), or null when it is no device. */
    private static HostDevice device(Path file, String inside, String permissions) throws IOException {
        int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        char type = switch (mode & S_IFMT) {
            case S_IFCHR -> 'c';
            case S_IFBLK -> 'b';
            default -> 0;
        };
        if (type == 0) {
            return null;
        }
        long rdev = (Long) Files.getAttribute(file, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        long uid = ((Number) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        long gid = ((Number) Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue();
        return new HostDevice(inside, type, major(rdev), minor(rdev), mode & 07777, uid, gid, permissions);
    }

    // glibc's gnu_dev_major/minor: the bits of the 64-bit dev_t
    static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & 0xfffff000L);
    }

    static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & 0xffffff00L);
    }

    private static String permissions(DeviceMapping m) {
        return m.cgroupPermissions() == null || m.cgroupPermissions().isEmpty() ? "rwm" : m.cgroupPermissions();
    }

    private static InvalidArgumentException gathering(DeviceMapping m, String why) {
        return new InvalidArgumentException("error gathering device information while adding custom device \""
                + m.pathOnHost() + "\": " + why);
    }
}
