package dev.berth.engine.builder;

import dev.berth.api.build.DockerIgnore;
import dev.berth.engine.builder.dockerfile.Dockerfile;
import dev.berth.engine.builder.dockerfile.DockerfileException;
import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.builder.dockerfile.ShellLex;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageId;
import dev.berth.engine.images.Platform;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.layers.LayerStore;
import dev.berth.engine.snapshots.Snapshotter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the stages of one build share: the request, the plan, the services, the stages built. Thread-safe where stages write. */
final class BuildSession {

    /** Build args Docker defines without an ARG (proxies); never reported as unused. */
    static final Set<String> PREDEFINED_ARGS = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
            "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

    /**
     * The platform args BuildKit defines in the global scope (usable in FROM) and gives an
     * {@code ARG TARGETARCH} without a default: this host's platform, the only one we build for.
     */
    static final Map<String, String> PLATFORM_ARGS = platformArgs(Platform.architecture());

    private static Map<String, String> platformArgs(String arch) {
        Map<String, String> args = new HashMap<>();
        for (String side : List.of("BUILD", "TARGET")) {
            args.put(side + "PLATFORM", "linux/" + arch);
            args.put(side + "OS", "linux");
            args.put(side + "ARCH", arch);
            args.put(side + "VARIANT", "");
        }
        return Map.copyOf(args);
    }

    final BuildRequest request;
    final Dockerfile file;
    final StagePlan plan;
    final ShellLex lex;
    final Map<String, String> metaArgs;
    final Set<String> usedArgs;
    final DockerIgnore ignore;
    final ImageStore images;
    final LayerStore layers;
    final Snapshotter snapshotter;
    final StepRunner runner;
    final BuildCache cache;
    final CacheMounts cacheMounts;
    final CacheSources cacheSources;
    final Path tmpDir;
    final Clock clock;
    final BuildProgress progress;
    final int totalSteps;
    private final Map<Integer, ImageId> built = new java.util.concurrent.ConcurrentHashMap<>();

    BuildSession(BuildRequest request, Dockerfile file, StagePlan plan, ShellLex lex, Map<String, String> metaArgs,
            Set<String> usedArgs, DockerIgnore ignore, ImageStore images, LayerStore layers, Snapshotter snapshotter,
            StepRunner runner, BuildCache cache, CacheMounts cacheMounts, Path tmpDir, Clock clock, BuildProgress progress, int totalSteps) {
        this.request = request;
        this.file = file;
        this.plan = plan;
        this.lex = lex;
        this.metaArgs = metaArgs;
        this.usedArgs = usedArgs;
        this.ignore = ignore;
        this.images = images;
        this.layers = layers;
        this.snapshotter = snapshotter;
        this.runner = runner;
        this.cache = cache;
        this.cacheMounts = cacheMounts;
        this.cacheSources = new CacheSources(images, request.cacheFrom());
        this.tmpDir = tmpDir;
        this.clock = clock;
        this.progress = progress;
        this.totalSteps = totalSteps;
    }

    /** An error at {@code at}, as Docker words it: the Dockerfile's name and line, then {@code message}. */
    InvalidArgumentException error(Instruction at, String message) {
        return new InvalidArgumentException(new DockerfileException(file.name(), at.line(), message).getMessage());
    }

    /** The stages built so far, by index; written by the stages' threads. */
    Map<Integer, ImageId> built() {
        return built;
    }

    /** The image an earlier stage built; it is built before any stage that reads it starts. */
    ImageId builtStage(StagePlan.Stage stage) {
        ImageId id = built.get(stage.index());
        if (id == null) {
            throw new InvalidArgumentException("stage " + (stage.name() == null
                    ? String.valueOf(stage.index()) : stage.name()) + " is not built: name it in FROM or COPY --from"
                    + " without variables only the base image's ENV sets");
        }
        return id;
    }

    /**
     * What a {@code --from} ({@code COPY}, {@code RUN --mount}) names: an earlier stage (built
     * before {@code current} started), or an image in the store.
     */
    ImageId fromImage(StagePlan.Stage current, Instruction at, String from) {
        Optional<StagePlan.Stage> earlier = plan.find(from);
        if (earlier.isPresent()) {
            if (earlier.get().index() >= current.index()) {
                throw error(at, "invalid from flag value " + from + ": refers to current or later build stage");
            }
            return builtStage(earlier.get());
        }
        Image named = images.find(from).orElseThrow(() -> new NotFoundException("No such image: " + from
                + " (berth cannot pull from registries yet)"));
        return named.id();
    }

    /** An image's root to read (null: scratch, an empty one). */
    ImageView view(ImageId id) throws IOException {
        if (id == null) {
            return ImageView.open(snapshotter, List.of(), tmpDir);
        }
        Image viewed = images.get(id.toString());
        List<Path> lowers = viewed.topLayer() == null ? List.of() : layers.lowerDirs(viewed.topLayer());
        return ImageView.open(snapshotter, lowers, tmpDir);
    }
}
