package dev.berth.daemon;

import dev.berth.daemon.router.system.DiskUsageBackend.CacheEntry;
import dev.berth.engine.error.BerthException;
import dev.berth.engine.images.HistoryItem;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The classic builder's cache as {@code system df} and {@code build prune} see it: each entry
 * of {@code <data-root>/builder/cache} (a step's key → the image the step made) with the bytes
 * that step added (its image's size less its parent's). An entry is <em>shared</em> when its
 * image is kept by something besides the cache: a tag, a container, or an image built on it;
 * pruning forgets every entry and removes the step images nothing else keeps, children first.
 */
final class BuildCacheUsage {

    private final Path dir;
    private final ImageStore images;
    private final Set<String> usedByContainers;

    BuildCacheUsage(Path dir, ImageStore images, Set<String> usedByContainers) {
        this.dir = dir;
        this.images = images;
        this.usedByContainers = usedByContainers;
    }

    List<CacheEntry> entries() {
        Map<String, Image> byId = byId();
        Set<String> kept = kept(byId, stepImages(byId));
        List<CacheEntry> out = new ArrayList<>();
        for (Map.Entry<String, Path> e : files().entrySet()) {
            Image image = byId.get(imageOf(e.getValue()));
            if (image == null) {
                continue; // a miss: its image is gone
            }
            Image parent = byId.get(image.parent());
            long size = Math.max(0, image.size() - (parent == null ? 0 : parent.size()));
            List<HistoryItem> history = history(image);
            String description = history.isEmpty() ? "" : history.getFirst().createdBy(); // newest first
            out.add(new CacheEntry(e.getKey(), "regular", image.parent(), description, kept.contains(image.id().toString()), size,
                    image.created(), lastModified(e.getValue())));
        }
        return out;
    }

    /** Forgets every entry and removes the step images nothing else keeps; returns the keys forgotten. */
    List<String> prune() {
        Map<String, Image> byId = byId();
        Set<String> steps = stepImages(byId);
        Set<String> kept = kept(byId, steps);
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Path> e : files().entrySet()) {
            try {
                Files.deleteIfExists(e.getValue());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            keys.add(e.getKey());
        }
        // children before parents, so each removal leaves a childless image
        List<String> doomed = steps.stream().filter(id -> !kept.contains(id))
                .sorted(Comparator.comparingInt((String id) -> depth(id, byId)).reversed()).toList();
        for (String id : doomed) {
            try {
                images.remove(id, false, true);
            } catch (BerthException | IOException e) {
                // in use or gone meanwhile: it stays, as dockerd leaves what it cannot remove
            }
        }
        return keys;
    }

    // Step images a prune may remove: untagged and no container's image.
    private Set<String> stepImages(Map<String, Image> byId) {
        Set<String> steps = new HashSet<>();
        for (Path file : files().values()) {
            Image image = byId.get(imageOf(file));
            if (image != null && image.repoTags().isEmpty() && !usedByContainers.contains(image.id().toString())) {
                steps.add(image.id().toString());
            }
        }
        return steps;
    }

    // Every image that is not a removable step keeps itself and its ancestors.
    private static Set<String> kept(Map<String, Image> byId, Set<String> steps) {
        Set<String> kept = new HashSet<>();
        for (Image image : byId.values()) {
            if (steps.contains(image.id().toString())) {
                continue;
            }
            for (Image i = byId.get(image.parent()); i != null && kept.add(i.id().toString()); i = byId.get(i.parent())) {
                // walk up
            }
            kept.add(image.id().toString());
        }
        return kept;
    }

    private static int depth(String id, Map<String, Image> byId) {
        int d = 0;
        for (Image i = byId.get(id); i != null && d < 10_000; i = byId.get(i.parent())) {
            d++;
        }
        return d;
    }

    private Map<String, Image> byId() {
        Map<String, Image> byId = new HashMap<>();
        images.list().forEach(i -> byId.put(i.id().toString(), i));
        return byId;
    }

    private List<HistoryItem> history(Image image) {
        try {
            return images.history(image.id().toString());
        } catch (BerthException e) {
            return List.of();
        }
    }

    private Map<String, Path> files() {
        Map<String, Path> files = new java.util.TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isRegularFile).forEach(f -> files.put(f.getFileName().toString(), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String imageOf(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
