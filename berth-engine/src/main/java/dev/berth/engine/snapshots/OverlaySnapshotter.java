package dev.berth.engine.snapshots;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.SystemException;
import dev.berth.posix.Errno;
import dev.berth.posix.Mounts;
import dev.berth.posix.PosixException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link Snapshotter} on overlayfs. Lower paths are passed absolute: the JVM cannot
 * {@code chdir} to shorten them to relative ones (what Docker does past ~1 page), so the
 * number of layers is bounded by the page-sized mount data, about 40 layers with
 * data-root paths of ~90 characters; past that {@link #mount} fails with a clear message.
 */
public final class OverlaySnapshotter implements Snapshotter {

    private final Path emptyLowerDir;

    /**
     * @param emptyLowerDir an empty directory used as the only lower layer for images
     *                      without layers (overlay needs at least one lowerdir)
     */
    public OverlaySnapshotter(Path emptyLowerDir) {
        this.emptyLowerDir = emptyLowerDir.toAbsolutePath();
    }

    @Override
    public MountedRootfs mount(RootfsLayers layers, Path target) {
        List<Path> lowers = layers.lowerDirs().isEmpty() ? List.of(emptyLowerDir) : layers.lowerDirs();
        String data = mountData(lowers, layers.upperDir(), layers.workDir());
        try {
            Files.createDirectories(target);
            Files.createDirectories(layers.upperDir());
            Files.createDirectories(layers.workDir());
            if (layers.lowerDirs().isEmpty()) {
                Files.createDirectories(emptyLowerDir);
            }
        } catch (IOException e) {
            throw new SystemException("cannot prepare rootfs directories for " + target + ": " + e, e);
        }
        if (isMounted(target)) {
            throw new ConflictException("rootfs is already mounted at " + target);
        }
        try {
            Mounts.mount("overlay", target, "overlay", 0, data);
        } catch (PosixException e) {
            throw new SystemException("error mounting overlay rootfs at " + target + ": " + e.getMessage(), e);
        }
        return new MountedRootfs(this, target);
    }

    @Override
    public void unmount(Path target) {
        if (!isMounted(target)) {
            return;
        }
        try {
            Mounts.unmount(target, 0);
        } catch (PosixException e) {
            if (e.errno() != Errno.EBUSY) {
                throw new SystemException("error unmounting rootfs " + target + ": " + e.getMessage(), e);
            }
            // Busy: something (an exec, a shell in the host) still holds it. Detach it from
            // the tree now; the kernel frees it when the last user goes.
            try {
                Mounts.unmount(target, Mounts.MNT_DETACH);
            } catch (PosixException again) {
                throw new SystemException("error unmounting rootfs " + target + ": " + again.getMessage(), again);
            }
        }
    }

    @Override
    public boolean isMounted(Path target) {
        String wanted = target.toAbsolutePath().normalize().toString();
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> line.split(" ", 6))
                    .anyMatch(f -> f.length > 4 && Mounts.mountInfoPath(f[4]).equals(wanted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The overlay mount data; fails past the one-page limit of mount(2). */
    static String mountData(List<Path> lowers, Path upper, Path work) {
        for (Path p : lowers) {
            checkOptionSafe(p);
        }
        checkOptionSafe(upper);
        checkOptionSafe(work);
        String data = "lowerdir=" + lowers.stream().map(Path::toString).collect(Collectors.joining(":"))
                + ",upperdir=" + upper + ",workdir=" + work;
        int length = data.getBytes(StandardCharsets.UTF_8).length;
        if (length > Mounts.MAX_DATA_BYTES) {
            throw new InvalidArgumentException("too many image layers to mount: overlay options for "
                    + lowers.size() + " layers are " + length + " bytes, the kernel accepts at most "
                    + Mounts.MAX_DATA_BYTES);
        }
        return data;
    }

    // overlay splits its options on ',' and lowerdir on ':'; such paths cannot be expressed.
    private static void checkOptionSafe(Path p) {
        String s = p.toString();
        if (s.contains(",") || s.contains(":")) {
            throw new InvalidArgumentException("overlay layer path contains ',' or ':': " + s);
        }
    }
}
