package dev.berth.engine.builder;

import dev.berth.api.Json;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.engine.containers.ConfigMerger;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.containers.ContainerStatus;
import dev.berth.engine.images.ConfigChanges;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageConfig;
import dev.berth.engine.images.ImageConfig.RunConfig;
import dev.berth.engine.images.ImageId;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.images.NewImage;
import dev.berth.engine.layers.Layer;
import dev.berth.engine.layers.LayerStore;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker commit}: a container's writable layer on top of its image becomes a new
 * image. The new config is the container's (the image's merged with its create request),
 * then the request's config merged over it, then the {@code --change} instructions.
 * A container whose layer holds no change gets an image with an empty-layer history entry,
 * as the builder does for metadata-only steps.
 */
public final class ContainerCommitter {

    /**
     * @param reference the new image's name ({@code repo[:tag]}), or null for an untagged image
     * @param config    fields that replace the container's (may be null)
     * @param changes   Dockerfile instructions applied last (CMD, ENV, LABEL, ...)
     * @param pause     freeze a running container while its layer is read, so the image is one moment of it
     */
    public record CommitRequest(String container, String reference, String comment, String author,
                                List<String> changes, ContainerConfig config, boolean pause) {

        public CommitRequest {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    private final ContainerService containers;
    private final ImageStore images;
    private final LayerCommitter committer;
    private final Clock clock;

    public ContainerCommitter(ContainerService containers, ImageStore images, LayerStore layers, Path tmpDir,
                              Clock clock) {
        this.containers = containers;
        this.images = images;
        this.committer = new LayerCommitter(layers, tmpDir);
        this.clock = clock;
    }

    /** Commits the container; returns the new image's ID. Errors are the engine's kinds. */
    public ImageId commit(CommitRequest request) throws IOException {
        if (request.reference() != null) {
            ImageRef.parse(request.reference()); // a bad name is refused before any work
        }
        ContainerRecord record = containers.get(request.container());
        Image base = images.get(record.imageId());
        RunConfig run = ConfigChanges.apply(runConfig(record.config(), request.config()), request.changes());

        Path upper = containers.pathsOf(record).upperDir();
        boolean freeze = request.pause() && record.state().status() == ContainerStatus.RUNNING;
        if (freeze) {
            containers.pause(record.id().hex());
        }
        Layer layer;
        try {
            // a container never started has no writable layer yet: nothing changed
            layer = Files.isDirectory(upper) ? committer.commit(base.topLayer(), upper, MountPlaceholders.skipIn(upper))
                    : null;
        } finally {
            if (freeze) {
                containers.unpause(record.id().hex());
            }
        }

        String now = clock.instant().truncatedTo(ChronoUnit.MICROS).toString();
        ImageConfig old = base.config();
        List<ImageConfig.History> history = new ArrayList<>(old.history() == null ? List.of() : old.history());
        // dockerd's "created by" of a commit is the container's Cmd
        List<String> cmd = record.config().cmd() == null ? List.of() : record.config().cmd();
        history.add(new ImageConfig.History(now, String.join(" ", cmd), blankToNull(request.author()),
                blankToNull(request.comment()), layer == null ? Boolean.TRUE : null));
        List<String> diffIds = new ArrayList<>(old.diffIds().stream().map(Object::toString).toList());
        if (layer != null) {
            diffIds.add(layer.diffId().toString());
        }
        ImageConfig next = new ImageConfig(old.architecture(), old.os(), old.variant(), now,
                blankToNull(request.author()), run, new ImageConfig.RootFs("layers", diffIds), history, old.extra());
        List<String> tags = request.reference() == null ? List.of() : List.of(request.reference());
        return images.create(new NewImage(next.toBytes(), base.id(), List.of(), tags)).id();
    }

    /** The container's config with {@code override} merged over it, as an image's run config. */
    static RunConfig runConfig(ContainerConfig container, ContainerConfig override) {
        ContainerConfig merged = override == null ? container : ConfigMerger.merge(container, override);
        RunConfig all = Json.MAPPER.convertValue(merged, RunConfig.class);
        // Hostname, Image, Tty and the like belong to the container, not to an image
        return new RunConfig(all.user(), all.env(), all.cmd(), all.entrypoint(), all.workingDir(), all.labels(),
                all.exposedPorts(), all.volumes(), all.stopSignal(), all.healthcheck(), all.onBuild(), all.shell(),
                null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
