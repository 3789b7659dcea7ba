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
     * {@code all} every image no container uses; each as {@code rmi} reports it.
     */
    Pruned pruneImages(boolean all, Map<String, List<String>> labelFilters);

    /** Forgets the builder's cache; returns the cache keys removed. */
    List<String> pruneBuildCache();
}
