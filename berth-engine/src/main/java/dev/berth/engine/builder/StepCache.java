package dev.berth.engine.builder;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.images.ImageConfig;
import dev.berth.engine.images.ImageConfig.RunConfig;
import dev.berth.engine.images.ImageId;
import java.util.Optional;

/**
 * The cache in front of every step: the local {@link BuildCache} first (an entry whose image is
 * gone is a miss), then the {@code --cache-from} images ({@link CacheSources}), and only then
 * the step's own work. Whatever gave the image, the local cache records it under the step's key,
 * so the next build finds it there. {@code --no-cache} skips both lookups but still records.
 */
final class StepCache {

    /** Makes a step's image on a cache miss. */
    @FunctionalInterface
    interface StepBody {
        ImageId make() throws Exception;
    }

    /**
     * What identifies a step: in the local cache its resolved {@code instruction} and the digest
     * of the {@code content} it reads (empty when none); in the {@code --cache-from} images,
     * which know only their history, its {@code createdBy}. {@code run} is the run config the
     * step gives, for an image restored from a {@code --cache-from} source.
     */
    record Step(String instruction, String content, String createdBy, RunConfig run) {
    }

    private final BuildSession s;
    private final BuildProgress progress;

    StepCache(BuildSession session, BuildProgress progress) {
        this.s = session;
        this.progress = progress;
    }

    /** The image {@code step} makes on top of {@code parent} (null: scratch), from a cache or by {@code body}. */
    ImageId take(ImageId parent, ImageConfig parentConfig, Step step, StepBody body) throws Exception {
        Digest key = BuildCache.key(parent, step.instruction(), step.content());
        boolean useCache = !s.request.noCache();
        Optional<ImageId> local = useCache ? s.cache.find(key).filter(id -> s.images.find(id.toString()).isPresent())
                : Optional.empty();
        if (local.isPresent()) {
            progress.stream(" ---> Using cache\n");
            return local.get();
        }
        Optional<ImageId> restored = useCache && parent != null
                ? s.cacheSources.find(parent, parentConfig, step.createdBy(), step.run()) : Optional.empty();
        if (restored.isPresent()) {
            progress.stream(" ---> Using cache\n");
        }
        ImageId result = restored.isPresent() ? restored.get() : body.make();
        s.cache.put(key, result);
        return result;
    }
}
