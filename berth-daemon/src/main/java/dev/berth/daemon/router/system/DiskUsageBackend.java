package dev.berth.daemon.router.system;

import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.image.ImageSummary;
import dev.berth.api.types.volume.Volume;
import java.util.List;
import java.util.Map;

/** What {@code /system/df}, {@code /images/prune} and {@code /build/prune} need from the engine. */
public interface DiskUsageBackend {

    /** Every image, with {@code Containers} (how many containers use it) filled in. */
    List<ImageSummary> images();

    /** The bytes of all unpacked layers (df's {@code LayersSize}). */
    long layersSize();

    /** Every container with its {@code SizeRw} and {@code SizeRootFs}. */
    List<ContainerSummary> containers();

    /** A volume with its size and the number of containers naming it. */
    record VolumeUsage(Volume volume, long size, int refCount) {
    }

    List<VolumeUsage> volumes();

    /** The result of a prune: what went and the bytes it freed. */
    record Pruned(List<Map<String, String>> deleted, long reclaimed) {
    }

    /**
     * Removes unused images: dangling ones (untagged, not a parent of another), or with
     * {@code all} every image no container uses; each as {@code rmi} reports it. The filters
     * are {@code label}, {@code label!} and {@code until} (images created before it).
     */
    Pruned pruneImages(boolean all, Map<String, List<String>> filters);

    /**
     * One entry of the builder's cache, as dockerd's {@code BuildCache} record: {@code type} is
     * {@code regular} for a step (its {@code size} is what the step added; {@code shared} when its
     * image is kept by more than the cache) or {@code exec.cachemount} for a {@code RUN
     * --mount=type=cache} directory.
     */
    record CacheEntry(String id, String type, String parent, String description, boolean shared, long size,
                      java.time.Instant created, java.time.Instant lastUsed) {
    }

    List<CacheEntry> buildCache();

    /** The result of a build-cache prune: the keys forgotten and the bytes freed on disk. */
    record CachePruned(List<String> keys, long reclaimed) {
    }

    /** Forgets the builder's cache, removes the step images nothing else uses and the cache mounts no build holds. */
    CachePruned pruneBuildCache();
}
