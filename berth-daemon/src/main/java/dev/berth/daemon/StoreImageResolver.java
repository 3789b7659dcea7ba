package dev.berth.daemon;

import dev.berth.api.Json;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.engine.containers.ImageResolver;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.reference.ImageRef;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.layers.LayerStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Serves the container service's view of images from the image and layer stores. */
final class StoreImageResolver implements ImageResolver {

    private final ImageStore images;
    private final LayerStore layers;

    StoreImageResolver(ImageStore images, LayerStore layers) {
        this.images = images;
        this.layers = layers;
    }

    @Override
    public ResolvedImage resolve(String reference) {
        Image image = images.find(reference).orElseThrow(() -> new NotFoundException("No such image: "
                + (ImageRef.isValid(reference) ? ImageRef.parse(reference).familiar() : reference)));
        return new ResolvedImage(image.id().toString(), containerConfig(image), image.size());
    }

    @Override
    public List<Path> lowerDirs(String imageId) {
        Image image = images.get(imageId);
        if (image.topLayer() == null) {
            return List.of();
        }
        try {
            return layers.lowerDirs(image.topLayer());
        } catch (IOException e) {
            throw new SystemException("cannot find the layers of image " + imageId + ": " + e.getMessage(), e);
        }
    }

    /** The image's run config in the API's shape; the keys are the same on both sides. */
    static ContainerConfig containerConfig(Image image) {
        if (image.config().config() == null) {
            return ContainerConfig.empty();
        }
        return Json.MAPPER.convertValue(image.config().config(), ContainerConfig.class);
    }
}
