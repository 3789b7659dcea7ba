package dev.berth.engine.builder;

import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageConfig;
import dev.berth.engine.images.ImageConfig.RunConfig;
import dev.berth.engine.images.ImageId;
import dev.berth.engine.images.NewImage;
import dev.berth.engine.images.Platform;
import dev.berth.engine.layers.ChainId;
import dev.berth.engine.layers.DiffId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The image a stage has built so far, and how a step moves it on: every step gives an image
 * whose parent is the current one (from the {@link StepCache} or made by the step), and that
 * image becomes current, as in the classic builder. A stage FROM scratch has no image (null
 * ID) and an empty config until its first step.
 */
final class StageImage {

    private final BuildSession s;
    private final StepCache cache;
    private final BuildProgress progress;
    private ImageId id;
    private ImageConfig config;

    StageImage(BuildSession session, BuildProgress progress) {
        this.s = session;
        this.cache = new StepCache(session, progress);
        this.progress = progress;
    }

    /** The current image, or null before the first step of a stage FROM scratch. */
    ImageId id() {
        return id;
    }

    ImageConfig config() {
        return config;
    }

    /** The current run config (may be null in an image from elsewhere). */
    RunConfig runConfig() {
        return config.config();
    }

    /** The current image's top layer, or null when it has none. */
    ChainId topLayer() {
        return ChainId.top(config.diffIds());
    }

    /** FROM scratch: no image, no layers, this host's platform. */
    void scratch() {
        id = null;
        config = new ImageConfig(Platform.architecture(), "linux", null, null, null, RunConfig.empty(),
                new ImageConfig.RootFs("layers", List.of()), List.of(), null);
    }

    /** Makes {@code image} (which must exist) the current one. */
    void load(ImageId image) {
        Image loaded = s.images.get(image.toString());
        id = loaded.id();
        config = loaded.config();
    }

    /** The run config the next step starts from, without a step of its own (the base's ONBUILD, once run). */
    void replaceRunConfig(RunConfig run) {
        config = config.withConfig(run);
    }

    /** The author the next images carry (MAINTAINER, whose own step then records it). */
    void replaceAuthor(String author) {
        config = new ImageConfig(config.architecture(), config.os(), config.variant(), config.created(), author,
                config.config(), config.rootfs(), config.history(), config.extra());
    }

    /** Takes {@code step}'s image from the cache or makes it with {@code body}, and makes it current. */
    void advance(StepCache.Step step, StepCache.StepBody body) throws Exception {
        load(cache.take(id, config, step, body));
        progress.stream(" ---> " + id.shortId() + "\n");
    }

    /**
     * A step that only changes the config: {@code text} is the instruction as the history shows
     * it, {@code run} the config it gives. The author is part of the key because MAINTAINER
     * changes the image without changing the run config.
     */
    void advanceConfig(String text, RunConfig run) throws Exception {
        String createdBy = "/bin/sh -c #(nop) " + text;
        advance(new StepCache.Step(createdBy + "\nauthor=" + config.author(), "", createdBy, run),
                () -> child(run, null, createdBy));
    }

    /** A new image: the current one with {@code run} as its run config and {@code layer} (or none) on top. */
    ImageId child(RunConfig run, DiffId layer, String createdBy) throws Exception {
        String now = created();
        List<ImageConfig.History> history = new ArrayList<>(config.history() == null ? List.of() : config.history());
        history.add(new ImageConfig.History(now, createdBy, null, null, layer == null ? Boolean.TRUE : null));
        List<String> diffIds = new ArrayList<>(config.diffIds().stream().map(DiffId::toString).toList());
        if (layer != null) {
            diffIds.add(layer.toString());
        }
        ImageConfig next = new ImageConfig(config.architecture(), config.os(), config.variant(), now, config.author(),
                run, new ImageConfig.RootFs("layers", diffIds), history, config.extra());
        return s.images.create(new NewImage(next.toBytes(), id, List.of(), List.of())).id();
    }

    /** SOURCE_DATE_EPOCH when given (a reproducible image), else now to the microsecond. */
    private String created() {
        Instant epoch = Timestamps.sourceDateEpoch(s.request.buildArgs());
        return (epoch != null ? epoch : s.clock.instant().truncatedTo(ChronoUnit.MICROS)).toString();
    }
}
