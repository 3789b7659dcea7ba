package dev.berth.engine.images;

import dev.berth.engine.layers.ChainId;
import dev.berth.engine.layers.DiffId;
import java.time.Instant;
import java.util.List;

/**
 * An image as the store knows it.
 *
 * @param id          digest of {@code rawConfig}
 * @param repoTags    tags in the familiar form Docker prints ({@code busybox:latest})
 * @param repoDigests digest references in familiar form ({@code busybox@sha256:...})
 * @param config      the parsed config
 * @param rawConfig   the config's exact bytes (serve these; never re-serialise {@code config})
 * @param created     the config's creation time
 * @param size        sum of the sizes of the image's layers
 * @param topLayer    chain ID of the top layer, null for an image without layers
 * @param parent      the parent image's ID (builds and commits), or empty
 */
public record Image(ImageId id, List<String> repoTags, List<String> repoDigests, ImageConfig config,
                    byte[] rawConfig, Instant created, long size, ChainId topLayer, String parent) {

    /** The layers' diff IDs, bottom first. */
    public List<DiffId> diffIds() {
        return config.diffIds();
    }

    /** The layers' chain IDs, bottom first. */
    public List<ChainId> chainIds() {
        return ChainId.chain(config.diffIds());
    }
}
