package dev.berth.engine.containers;

import dev.berth.api.types.container.ContainerConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * What the container service needs from the image store: an image's identity and config
 * when a container is created, and its layers when it starts. Nothing else.
 */
public interface ImageResolver {

    /** An image as a container sees it: its ID, its run config, and the size of its layers. */
    record ResolvedImage(String id, ContainerConfig config, long size) {
    }

    /** @throws dev.berth.engine.error.NotFoundException "No such image: x" */
    ResolvedImage resolve(String reference);

    /** The unpacked layers of image {@code imageId}, top-most first (overlay's lowerdir order). */
    List<Path> lowerDirs(String imageId);
}
