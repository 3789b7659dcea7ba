package dev.berth.engine.builder;

import dev.berth.engine.snapshots.MountedRootfs;
import dev.berth.engine.snapshots.RootfsLayers;
import dev.berth.engine.snapshots.Snapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An image's root filesystem to read from (COPY --from, the destination's existing
 * directories, /etc/passwd for --chown): an overlay of its layers with a throw-away upper
 * directory, or an empty directory for an image without layers. Close it to unmount and
 * delete the scratch directories.
 */
final class ImageView implements AutoCloseable {

    private final Path scratch;
    private final MountedRootfs mount;
    private final Path root;

    private ImageView(Path scratch, MountedRootfs mount, Path root) {
        this.scratch = scratch;
        this.mount = mount;
        this.root = root;
    }

    static ImageView open(Snapshotter snapshotter, List<Path> lowerDirs, Path tmpDir) throws IOException {
        Files.createDirectories(tmpDir);
        Path scratch = Files.createTempDirectory(tmpDir, "view-");
        Path root = scratch.resolve("merged");
        Files.createDirectories(root);
        if (lowerDirs.isEmpty()) {
            return new ImageView(scratch, null, root);
        }
        MountedRootfs mount = snapshotter.mount(new RootfsLayers(lowerDirs, scratch.resolve("upper"),
                scratch.resolve("work")), root);
        return new ImageView(scratch, mount, root);
    }

    Path root() {
        return root;
    }

    @Override
    public void close() throws IOException {
        if (mount != null) {
            mount.close();
        }
        Trees.delete(scratch);
    }
}
