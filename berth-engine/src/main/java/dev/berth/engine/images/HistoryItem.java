package dev.berth.engine.images;

import java.time.Instant;
import java.util.List;

/**
 * One step of an image's history, newest first, as {@code GET /images/{name}/history} gives it.
 *
 * @param id        the image ID for the top step, {@code <missing>} for steps without a local image
 * @param size      size of the layer this step made, 0 for empty-layer steps
 */
public record HistoryItem(String id, Instant created, String createdBy, List<String> tags, long size, String comment) {
}
