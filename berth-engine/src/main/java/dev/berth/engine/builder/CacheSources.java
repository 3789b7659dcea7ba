package dev.berth.engine.builder;

import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageConfig;
import dev.berth.engine.images.ImageConfig.RunConfig;
import dev.berth.engine.images.ImageId;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.images.NewImage;
import dev.berth.engine.layers.DiffId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code --cache-from}: images (typically pulled, so without their intermediate steps) whose
 * history a build may follow instead of running its steps, as the classic builder does. A
 * step matches a source when the source's history begins with the current image's history
 * and its layers with the current image's layers, and the source's next history entry was
 * made by the same instruction. The step's image is then restored from the source's prefix:
 * its history up to that entry, its layers up to that entry, and the run config the step
 * gives. Once a source matched, only that source is followed (as dockerd does, for safety).
 */
final class CacheSources {

    private final ImageStore images;
    private List<Image> sources;

    CacheSources(ImageStore images, List<String> names) {
        this.images = images;
        List<Image> found = new ArrayList<>();
        for (String name : names) {
            images.find(name).ifPresent(found::add); // a missing source is no cache, not an error
        }
        this.sources = found;
    }

    boolean isEmpty() {
        return sources.isEmpty();
    }

    /** The image for a step made by {@code createdBy} on top of {@code current}, when a source has it. */
    Optional<ImageId> find(ImageId currentId, ImageConfig current, String createdBy, RunConfig stepRun)
            throws IOException {
        List<ImageConfig.History> history = current.history() == null ? List.of() : current.history();
        for (Image source : sources) {
            ImageConfig target = source.config();
            if (!continues(target, current) || !sameMaker(target.history().get(history.size()), createdBy)) {
                continue;
            }
            sources = List.of(source);
            if (target.history().size() == history.size() + 1) {
                return Optional.of(source.id());
            }
            return Optional.of(restore(currentId, current, target, history.size() + 1, stepRun));
        }
        return Optional.empty();
    }

    /** Whether {@code target}'s history and layers begin with {@code current}'s, with at least one more step. */
    static boolean continues(ImageConfig target, ImageConfig current) {
        List<ImageConfig.History> mine = current.history() == null ? List.of() : current.history();
        List<ImageConfig.History> theirs = target.history() == null ? List.of() : target.history();
        if (theirs.size() <= mine.size() || target.diffIds().size() < current.diffIds().size()) {
            return false;
        }
        return theirs.subList(0, mine.size()).equals(mine)
                && target.diffIds().subList(0, current.diffIds().size()).equals(current.diffIds());
    }

    private static boolean sameMaker(ImageConfig.History entry, String createdBy) {
        return Objects.equals(entry.createdBy(), createdBy);
    }

    private ImageId restore(ImageId parent, ImageConfig current, ImageConfig target, int historyLength,
                            RunConfig stepRun) throws IOException {
        List<ImageConfig.History> history = target.history().subList(0, historyLength);
        int layers = (int) history.stream().filter(h -> !Boolean.TRUE.equals(h.emptyLayer())).count();
        List<String> diffIds = target.diffIds().subList(0, layers).stream().map(DiffId::toString).toList();
        ImageConfig restored = new ImageConfig(current.architecture(), current.os(), current.variant(),
                history.getLast().created(), current.author(), stepRun, new ImageConfig.RootFs("layers", diffIds),
                List.copyOf(history), current.extra());
        return images.create(new NewImage(restored.toBytes(), parent, List.of(), List.of())).id();
    }
}
