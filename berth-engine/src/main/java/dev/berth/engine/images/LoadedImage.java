package dev.berth.engine.images;

import java.util.List;

/** An image that {@code load} stored, with the tags it set ("Loaded image: x" / "Loaded image ID: sha256:..."). */
public record LoadedImage(ImageId id, List<String> repoTags) {
}
