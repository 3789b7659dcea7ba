package dev.berth.engine.builder;

import dev.berth.api.build.DockerIgnore;
import dev.berth.engine.builder.dockerfile.Dockerfile;
import dev.berth.engine.builder.dockerfile.DockerfileException;
import dev.berth.engine.builder.dockerfile.DockerfileParser;
import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.builder.dockerfile.ShellLex;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.images.ImageId;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.layers.LayerStore;
import dev.berth.engine.reference.ImageRef;
import dev.berth.engine.snapshots.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds images from Dockerfiles, as {@code docker build} with the classic builder: reads
 * the Dockerfile and {@code .dockerignore} from the context, builds the stages the target
 * needs (a stage as soon as the stages it reads are built, independent ones in parallel, at
 * most one per processor; their output in Dockerfile order), tags the result and reports each
 * step to a {@link BuildProgress}. A Dockerfile error is an InvalidArgumentException naming
 * its file and line; a failing RUN names its command and exit code, and leaves only the steps
 * before it (cached). Builds may run concurrently; each uses its own scratch directories.
 */
public final class Builder {

    private final ImageStore images;
    private final LayerStore layers;
    private final Snapshotter snapshotter;
    private final StepRunner runner;
    private final BuildCache cache;
    private final CacheMounts cacheMounts;
    private final Path tmpDir;
    private final Clock clock;
    private final int parallelism;
    private final ContextScratch contexts;

    /**
     * {@code builderRoot} is {@code <data-root>/builder}: the step cache, the cache mounts
     * ({@link CacheMounts}) and scratch directories live there.
     */
    public Builder(ImageStore images, LayerStore layers, Snapshotter snapshotter, StepRunner runner, Path builderRoot,
            Clock clock) throws IOException {
        this.images = images;
        this.layers = layers;
        this.snapshotter = snapshotter;
        this.runner = runner;
        this.cache = new BuildCache(builderRoot.resolve("cache"));
        this.cacheMounts = new CacheMounts(builderRoot.resolve("mounts"));
        this.tmpDir = builderRoot.resolve("tmp");
        this.clock = clock;
        this.parallelism = Runtime.getRuntime().availableProcessors();
        Trees.delete(tmpDir);
        Files.createDirectories(tmpDir);
        this.contexts = ContextScratch.open(builderRoot, tmpDir);
    }

    /**
     * Unpacks {@code contextTar} (plain or compressed) into scratch space ({@link ContextScratch}: small
     * contexts on tmpfs), builds {@code request} with it as the context, and deletes it again in the background.
     */
    public ImageId build(InputStream contextTar, BuildRequest request, BuildProgress progress) throws Exception {
        Path dir = contexts.unpack(contextTar);
        try {
            return build(request.withContext(dir), progress);
        } finally {
            contexts.discard(dir);
        }
    }

    /**
     * Builds with the context a URL names ({@code remote=} of {@code POST /build}; {@link RemoteContext}): a Git
     * repository ({@code #ref:subdir} picks the ref and the directory that is the context, and the request's
     * Dockerfile is read relative to that), a tar, or a Dockerfile with an empty context. The fetched context is
     * deleted afterwards. An unrecognised URL is an InvalidArgumentException; a failing download or git names
     * the URL and the server's or git's answer.
     */
    public ImageId buildRemote(String remote, BuildRequest request, BuildProgress progress) throws Exception {
        RemoteContext.Fetched fetched = RemoteContext.fetch(remote, contexts, tmpDir);
        try {
            BuildRequest withContext = request.withContext(fetched.context());
            return build(fetched.dockerfile() == null ? withContext : withContext.withDockerfile(fetched.dockerfile()),
                    progress);
        } finally {
            contexts.discard(fetched.scratch());
        }
    }

    public ImageId build(BuildRequest request, BuildProgress progress) throws Exception {
        Dockerfile file = readDockerfile(request);
        for (String tag : request.tags()) {
            if (!ImageRef.isValid(tag)) {
                throw new InvalidArgumentException("invalid reference format: repository name (" + tag
                        + ") must be lowercase");
            }
        }
        StagePlan plan = StagePlan.of(file);
        ShellLex lex = new ShellLex(file.escape());
        Map<String, String> metaArgs = new LinkedHashMap<>();
        Set<String> used = java.util.Collections.synchronizedSet(new TreeSet<>());
        for (Instruction.Arg arg : plan.metaArgs()) {
            for (Instruction.KeyValue kv : arg.args()) {
                String value = request.buildArgs().containsKey(kv.key()) ? request.buildArgs().get(kv.key())
                        : kv.value() == null ? null : word(file, arg, lex, kv.value(), metaArgs);
                if (request.buildArgs().containsKey(kv.key())) {
                    used.add(kv.key());
                }
                if (value != null) {
                    metaArgs.put(kv.key(), value);
                } else {
                    metaArgs.putIfAbsent(kv.key(), null);
                }
            }
        }
        Map<String, String> expandable = new HashMap<>(BuildSession.PLATFORM_ARGS);
        metaArgs.forEach((k, v) -> {
            if (v != null) {
                expandable.put(k, v);
            }
        });
        StagePlan.Stage target = plan.target(request.target());
        List<StagePlan.Stage> stages = plan.needed(target, lex, expandable, request.buildArgs());
        int total = stages.stream().mapToInt(StagePlan.Stage::steps).sum() + (request.labels().isEmpty() ? 0 : 1);
        BuildSession session = new BuildSession(request, file, plan, lex, metaArgs, used, readIgnore(request),
                images, layers, snapshotter, runner, cache, cacheMounts, tmpDir, clock, progress, total);
        Map<Integer, Set<Integer>> needs = new HashMap<>();
        int[] firstStep = new int[stages.size()];
        for (int i = 0, step = 1; i < stages.size(); step += stages.get(i).steps(), i++) {
            needs.put(stages.get(i).index(), plan.needs(stages.get(i), lex, expandable, request.buildArgs()));
            firstStep[i] = step;
        }
        StageOutput output = new StageOutput(progress, stages.size());
        ParallelStages.run(stages, needs, parallelism, (stage, position) -> {
            try {
                ImageId id = new StageRun(session, stage, output.stage(position), firstStep[position])
                        .run(stage == target);
                session.built().put(stage.index(), id);
                output.finish(position);
            } catch (Exception | Error e) {
                output.fail(position);
                throw e;
            }
        });
        ImageId result = session.built().get(target.index());
        Set<String> unused = new TreeSet<>(request.buildArgs().keySet());
        unused.removeAll(used);
        unused.removeAll(BuildSession.PREDEFINED_ARGS);
        unused.remove("SOURCE_DATE_EPOCH"); // the builder's own
        if (!unused.isEmpty()) {
            progress.stream("[Warning] One or more build-args " + unused.toString().replace(",", "")
                    + " were not consumed\n");
        }
        progress.stream("Successfully built " + result.shortId() + "\n");
        for (String tag : request.tags()) {
            images.tag(result.toString(), tag);
            progress.stream("Successfully tagged " + ImageRef.parse(tag).familiar() + "\n");
        }
        return result;
    }

    /** The directories of {@code RUN --mount=type=cache}, kept across builds until a prune. */
    public CacheMounts cacheMounts() {
        return cacheMounts;
    }

    private static String word(Dockerfile file, Instruction at, ShellLex lex, String raw, Map<String, String> env) {
        Map<String, String> clean = new HashMap<>();
        env.forEach((k, v) -> {
            if (v != null) {
                clean.put(k, v);
            }
        });
        try {
            return lex.processWord(raw, clean);
        } catch (IllegalArgumentException e) {
            throw new DockerfileException(file.name(), at.line(), e.getMessage());
        }
    }

    private static Dockerfile readDockerfile(BuildRequest request) throws IOException {
        String name = request.dockerfile();
        Path path = request.context().resolve(RootPaths.clean(name));
        if (!path.normalize().startsWith(request.context().normalize())) {
            throw new InvalidArgumentException("the Dockerfile (" + name + ") must be within the build context");
        }
        try {
            return DockerfileParser.parse(name, Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new InvalidArgumentException("Cannot locate specified Dockerfile: " + name);
        } catch (DockerfileException e) {
            throw new InvalidArgumentException("dockerfile parse error: " + e.getMessage(), e);
        }
    }

    /** {@code <Dockerfile>.dockerignore} next to the Dockerfile wins over the context's {@code .dockerignore}. */
    private static DockerIgnore readIgnore(BuildRequest request) throws IOException {
        Path specific = request.context().resolve(RootPaths.clean(request.dockerfile()) + ".dockerignore");
        Path general = request.context().resolve(".dockerignore");
        for (Path p : List.of(specific, general)) {
            if (Files.isRegularFile(p)) {
                return DockerIgnore.parse(Files.readString(p));
            }
        }
        return DockerIgnore.none();
    }
}
