package dev.berth.daemon;

import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.image.ImageDeleteItem;
import dev.berth.api.types.image.ImageSummary;
import dev.berth.daemon.router.containers.ContainerSummaries;
import dev.berth.daemon.router.images.ImagesBackend;
import dev.berth.daemon.router.system.DiskUsageBackend;
import dev.berth.daemon.router.volumes.VolumesRoutes;
import dev.berth.engine.builder.CacheMounts;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.containers.PruneFilter;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.BerthException;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.layers.ChainId;
import dev.berth.engine.layers.LayerStore;
import dev.berth.engine.volumes.VolumeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@link DiskUsageBackend} over the engine's stores: sizes on disk, and image and build-cache pruning. */
final class DiskUsageApi implements DiskUsageBackend {

    private final ImagesBackend images;
    private final ImageStore imageStore;
    private final LayerStore layers;
    private final ContainerService containers;
    private final VolumeStore volumes;
    private final Path layersRoot;
    private final Path buildCache;
    private final CacheMounts cacheMounts;
    private final Clock clock;

    private final ImageEvents events;

    DiskUsageApi(ImagesBackend images, ImageStore imageStore, LayerStore layers, ContainerService containers,
            VolumeStore volumes, CacheMounts cacheMounts, Path dataRoot, Clock clock, ImageEvents events) {
        this.cacheMounts = cacheMounts;
        this.events = events;
        this.images = images;
        this.imageStore = imageStore;
        this.layers = layers;
        this.containers = containers;
        this.volumes = volumes;
        this.layersRoot = dataRoot.resolve("layers");
        this.buildCache = dataRoot.resolve("builder").resolve("cache");
        this.clock = clock;
    }

    @Override
    public List<ImageSummary> images() {
        Map<String, Long> users = containers.list().stream()
                .collect(Collectors.groupingBy(ContainerRecord::imageId, Collectors.counting()));
        Map<String, Long> shared = sharedSizes();
        return images.list(true, Map.of()).stream().map(i -> new ImageSummary(i.id(), i.parentId(), i.repoTags(),
                i.repoDigests(), i.created(), i.size(), shared.getOrDefault(i.id(), 0L), i.labels(),
                users.getOrDefault(i.id(), 0L))).toList();
    }

    // Per image, the bytes of its layers that another image uses too (dockerd's SharedSize).
    private Map<String, Long> sharedSizes() {
        List<Image> all = imageStore.list();
        Map<ChainId, Long> users = new HashMap<>();
        all.forEach(i -> new HashSet<>(i.chainIds()).forEach(c -> users.merge(c, 1L, Long::sum)));
        Map<ChainId, Long> sizes = new HashMap<>();
        Map<String, Long> shared = new HashMap<>();
        for (Image image : all) {
            long bytes = 0;
            for (ChainId chain : new HashSet<>(image.chainIds())) {
                if (users.get(chain) > 1) {
                    bytes += sizes.computeIfAbsent(chain, this::layerSize);
                }
            }
            shared.put(image.id().toString(), bytes);
        }
        return shared;
    }

    private long layerSize(ChainId chain) {
        try {
            return layers.get(chain).size();
        } catch (IOException | BerthException e) {
            return 0;
        }
    }

    @Override
    public List<CacheEntry> buildCache() {
        List<CacheEntry> entries = new ArrayList<>(cache().entries());
        try {
            for (CacheMounts.Entry m : cacheMounts.list()) {
                entries.add(cacheMountEntry(m));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A cache mount as BuildKit lists one: its type, and what made it. */
    private static CacheEntry cacheMountEntry(CacheMounts.Entry m) {
        return new CacheEntry(Digest.sha256(m.id()).hex(), "exec.cachemount", null,
                "cached mount " + m.id(), false, m.size(), m.lastUsed(), m.lastUsed());
    }

    private BuildCacheUsage cache() {
        return new BuildCacheUsage(buildCache, imageStore,
                containers.list().stream().map(ContainerRecord::imageId).collect(Collectors.toSet()));
    }

    @Override
    public long layersSize() {
        return directorySize(layersRoot);
    }

    @Override
    public List<ContainerSummary> containers() {
        return ContainerSummaries.all(containers, true, clock.instant());
    }

    @Override
    public List<VolumeUsage> volumes() {
        return volumes.list().stream().map(v -> new VolumeUsage(VolumesRoutes.view(v), volumes.size(v),
                volumes.usersOf(v.name()).size())).toList();
    }

    @Override
    public Pruned pruneImages(boolean all, Map<String, List<String>> filters) {
        Set<String> used = containers.list().stream().map(ContainerRecord::imageId).collect(Collectors.toSet());
        Map<String, List<String>> labels = new HashMap<>();
        filters.forEach((k, v) -> {
            if (k.startsWith("label")) {
                labels.put(k, v);
            }
        });
        Instant until = null;
        for (String v : filters.getOrDefault("until", List.of())) {
            if (until != null) {
                throw new InvalidArgumentException("more than one until filter specified");
            }
            until = PruneFilter.timestamp(v, clock.instant());
        }
        long createdBefore = until == null ? Long.MAX_VALUE : until.getEpochSecond();
        List<ImageSummary> every = images.list(true, Map.of());
        Set<String> parents = every.stream().map(ImageSummary::parentId).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        Set<String> matching = images.list(true, labels).stream()
                .map(ImageSummary::id).collect(Collectors.toSet());
        Map<String, Long> sizes = new LinkedHashMap<>();
        every.forEach(i -> sizes.put(i.id(), i.size()));
        List<Map<String, String>> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (ImageSummary image : every) {
            boolean dangling = image.repoTags().isEmpty() && !parents.contains(image.id());
            if (used.contains(image.id()) || !matching.contains(image.id()) || !(all || dangling)
                    || image.created() > createdBefore) {
                continue;
            }
            List<String> names = image.repoTags().isEmpty() ? List.of(image.id()) : image.repoTags();
            for (String name : names) {
                try {
                    for (ImageDeleteItem item : images.remove(name, false, false)) {
                        deleted.add(item.untagged() != null ? Map.of("Untagged", item.untagged())
                                : Map.of("Deleted", item.deleted()));
                        if (item.deleted() != null) {
                            reclaimed += sizes.getOrDefault(item.deleted(), 0L);
                        }
                    }
                } catch (BerthException e) {
                    // in use or removed meanwhile: dockerd skips it as well
                }
            }
        }
        events.pruned(dev.berth.engine.events.Event.IMAGE, reclaimed);
        return new Pruned(deleted, reclaimed);
    }

    @Override
    public CachePruned pruneBuildCache() {
        long before = layersSize();
        List<String> keys = new ArrayList<>(cache().prune());
        long reclaimed = Math.max(0, before - layersSize());
        try {
            for (CacheMounts.Entry m : cacheMounts.prune()) {
                keys.add(Digest.sha256(m.id()).hex());
                reclaimed += m.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.pruned(dev.berth.engine.events.Event.BUILDER, reclaimed);
        return new CachePruned(keys, reclaimed);
    }

    private static long directorySize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
