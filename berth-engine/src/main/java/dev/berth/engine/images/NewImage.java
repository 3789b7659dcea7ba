package dev.berth.engine.images;

import dev.berth.engine.digest.Digest;
import java.util.List;

/**
 * An image to store whose layers are already registered in the layer store.
 *
 * @param config     the config's exact bytes; its {@code rootfs.diff_ids} name the layers
 * @param parent     the parent image (builds, commits) or null
 * @param layerBlobs digests of the layers' compressed blobs in the content store, bottom first, or empty
 * @param tags       references to point at the image (may be empty)
 */
public record NewImage(byte[] config, ImageId parent, List<Digest> layerBlobs, List<String> tags) {

    public NewImage {
        layerBlobs = layerBlobs == null ? List.of() : List.copyOf(layerBlobs);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
