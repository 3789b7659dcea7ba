package dev.berth.engine.builder;

import dev.berth.engine.builder.dockerfile.DockerfileException;
import dev.berth.engine.builder.dockerfile.DockerfileParser;
import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one stage: FROM, the base image's ONBUILD triggers, then each instruction as a
 * step that is either found in the cache or made (an image whose parent is the previous
 * step). Holds the stage's state: the current image and config, the declared ARGs, and
 * whether CMD was set (ENTRYPOINT then keeps it).
 */
final class StageRun {

    @FunctionalInterface
    interface StepBody {
        ImageId make() throws Exception;
    }

    private final BuildSession s;
    private final StagePlan.Stage stage;
    private final BuildProgress progress;
    private int step;
    private final Map<String, String> args = new LinkedHashMap<>();
    private ImageId imageId;
    private ImageConfig config;
    private boolean cmdSet;

    /** {@code progress}: this stage's output; {@code firstStep}: the number its FROM has in "Step n/m". */
    StageRun(BuildSession session, StagePlan.Stage stage, BuildProgress progress, int firstStep) {
        this.s = session;
        this.stage = stage;
        this.progress = progress;
        this.step = firstStep;
    }

    /** Prints "Step n/m : text" for the next step. */
    private void announce(String text) {
        progress.stream("Step " + step++ + "/" + s.totalSteps + " : " + text + "\n");
    }

    BuildProgress progress() {
        return progress;
    }

    ImageId run(boolean isTarget) throws Exception {
        Instruction.From from = stage.from();
        announce(from.text());
        from(from);
        List<String> triggers = config.config() == null || config.config().onBuild() == null ? List.of()
                : config.config().onBuild();
        if (!triggers.isEmpty()) {
            progress.stream("# Executing " + triggers.size() + " build trigger" + (triggers.size() == 1 ? "" : "s")
                    + "\n");
            RunConfigEditor e = new RunConfigEditor(config.config());
            e.onBuild = null;
            config = config.withConfig(e.build());
            for (String trigger : triggers) {
                for (Instruction i : DockerfileParser.parse(s.file.name(), trigger).instructions()) {
                    step(i);
                }
            }
        }
        for (Instruction i : stage.body()) {
            announce(i.text());
            step(i);
        }
        if (isTarget && !s.request.labels().isEmpty()) {
            StringBuilder text = new StringBuilder("LABEL");
            RunConfigEditor e = new RunConfigEditor(config.config());
            s.request.labels().forEach((k, v) -> {
                text.append(' ').append(k).append('=').append(v);
                e.addLabel(k, v);
            });
            announce(text.toString());
            commitMeta(text.toString(), e.build());
        }
        if (imageId == null) {
            throw new InvalidArgumentException("No image was generated. Is your Dockerfile empty?");
        }
        return imageId;
    }

    private void from(Instruction.From from) throws Exception {
        String name;
        try {
            Map<String, String> fromArgs = new HashMap<>(BuildSession.PLATFORM_ARGS);
            fromArgs.putAll(nonNull(s.metaArgs));
            name = s.lex.processWord(from.image(), fromArgs);
        } catch (IllegalArgumentException e) {
            throw error(from, e.getMessage());
        }
        if (name.equalsIgnoreCase("scratch")) {
            imageId = null;
            config = new ImageConfig(Platform.architecture(), "linux", null, null, null, RunConfig.empty(),
                    new ImageConfig.RootFs("layers", List.of()), List.of(), null);
            return;
        }
        Optional<StagePlan.Stage> earlier = s.plan.find(name).filter(st -> st.index() < stage.index());
        if (earlier.isPresent()) {
            load(s.builtStage(earlier.get()));
        } else {
            Image base = s.images.find(name).orElseThrow(() -> new NotFoundException("No such image: " + name
                    + " (berth cannot pull from registries yet)"));
            load(base.id());
        }
        progress.stream(" ---> " + imageId.shortId() + "\n");
    }

    private void step(Instruction instruction) throws Exception {
        try {
            dispatch(instruction);
        } catch (IllegalArgumentException e) {
            throw error(instruction, e.getMessage());
        }
    }

    private void dispatch(Instruction instruction) throws Exception {
        Map<String, String> env = env();
        RunConfigEditor e = new RunConfigEditor(config.config());
        switch (instruction) {
            case Instruction.From f -> throw error(f, "FROM is not allowed here");
            case Instruction.Arg a -> {
                List<String> shown = new ArrayList<>();
                for (Instruction.KeyValue kv : a.args()) {
                    String value;
                    if (s.request.buildArgs().containsKey(kv.key())) {
                        value = s.request.buildArgs().get(kv.key());
                        s.usedArgs.add(kv.key());
                    } else if (kv.value() != null) {
                        value = s.lex.processWord(kv.value(), env);
                    } else {
                        value = s.metaArgs.get(kv.key()) != null ? s.metaArgs.get(kv.key())
                                : BuildSession.PLATFORM_ARGS.get(kv.key());
                    }
                    args.put(kv.key(), value);
                    shown.add(value == null ? kv.key() : kv.key() + "=" + value);
                }
                commitMeta("ARG " + String.join(" ", shown), e.build());
            }
            case Instruction.Env en -> commitMeta("ENV " + pairs(en.pairs(), env, e::setEnv), e.build());
            case Instruction.Label l -> commitMeta("LABEL " + pairs(l.pairs(), env, e::addLabel), e.build());
            case Instruction.Expose x -> {
                List<String> ports = new ArrayList<>();
                for (String raw : x.ports()) {
                    for (String p : s.lex.processWords(raw, env)) {
                        String port = p.contains("/") ? p.toLowerCase(Locale.ROOT) : p + "/tcp";
                        if (!port.matches("[0-9]+(-[0-9]+)?/(tcp|udp|sctp)")) {
                            throw error(x, "invalid containerPort: " + p);
                        }
                        e.addPort(port);
                        ports.add(port);
                    }
                }
                commitMeta("EXPOSE " + String.join(" ", ports), e.build());
            }
            case Instruction.Workdir w -> {
                String path = s.lex.processWord(w.path(), env);
                String base = e.workingDir == null || e.workingDir.isEmpty() ? "/" : e.workingDir;
                e.workingDir = "/" + CopyStep.clean(path.startsWith("/") ? path : base + "/" + path);
                if (e.workingDir.equals("/.")) {
                    e.workingDir = "/";
                }
                commitMeta("WORKDIR " + e.workingDir, e.build());
            }
            case Instruction.User u -> {
                e.user = s.lex.processWord(u.user(), env);
                commitMeta("USER " + e.user, e.build());
            }
            case Instruction.Volume v -> {
                List<String> paths = new ArrayList<>();
                for (String raw : v.paths()) {
                    String p = s.lex.processWord(raw, env);
                    if (p.isBlank()) {
                        throw error(v, "VOLUME specified can not be an empty string");
                    }
                    e.addVolume(p);
                    paths.add(p);
                }
                commitMeta("VOLUME " + paths, e.build());
            }
            case Instruction.StopSignal st -> {
                e.stopSignal = s.lex.processWord(st.signal(), env);
                commitMeta("STOPSIGNAL " + e.stopSignal, e.build());
            }
            case Instruction.Cmd c -> {
                e.cmd = argv(c.command(), e.shell);
                cmdSet = true;
                commitMeta("CMD " + json(e.cmd), e.build());
            }
            case Instruction.Entrypoint en -> {
                e.entrypoint = argv(en.command(), e.shell);
                if (!cmdSet) {
                    e.cmd = null;
                }
                commitMeta("ENTRYPOINT " + json(e.entrypoint), e.build());
            }
            case Instruction.Shell sh -> {
                e.shell = sh.shell();
                commitMeta("SHELL " + json(sh.shell()), e.build());
            }
            case Instruction.Healthcheck h -> {
                e.healthcheck = healthcheck(h);
                commitMeta("HEALTHCHECK " + (h.test() == null ? "NONE" : json(e.healthcheck.test())), e.build());
            }
            case Instruction.OnBuild o -> {
                String trigger = o.trigger().strip();
                int space = trigger.indexOf(' ');
                String normalized = space < 0 ? trigger.toUpperCase(Locale.ROOT)
                        : trigger.substring(0, space).toUpperCase(Locale.ROOT) + trigger.substring(space);
                e.addOnBuild(normalized);
                commitMeta("ONBUILD " + normalized, e.build());
            }
            case Instruction.Maintainer m -> {
                config = new ImageConfig(config.architecture(), config.os(), config.variant(), config.created(),
                        m.name(), config.config(), config.rootfs(), config.history(), config.extra());
                commitMeta("MAINTAINER " + m.name(), e.build());
            }
            case Instruction.Run r -> run(r, e.build(), env);
            case Instruction.Copy c -> new CopyInstruction(s, stage, this).apply(c, env);
        }
    }

    /** Expands ENV/LABEL pairs (all with the environment from before the instruction), applies them, shows them. */
    private String pairs(List<Instruction.KeyValue> pairs, Map<String, String> env,
            java.util.function.BiConsumer<String, String> apply) {
        List<String> shown = new ArrayList<>();
        for (Instruction.KeyValue kv : pairs) {
            String key = s.lex.processWord(kv.key(), env);
            String value = s.lex.processWord(kv.value(), env);
            apply.accept(key, value);
            shown.add(key + "=" + value);
        }
        return String.join(" ", shown);
    }

    private void run(Instruction.Run r, RunConfig current, Map<String, String> env) throws Exception {
        List<String> argv = argv(r.command(), current.shell());
        Map<String, String> configEnv = RunConfigEditor.envMap(current.env());
        List<String> buildEnv = new ArrayList<>();
        args.forEach((k, v) -> {
            if (v != null && !configEnv.containsKey(k)) {
                buildEnv.add(k + "=" + v);
            }
        });
        String shown = (buildEnv.isEmpty() ? "" : "|" + buildEnv.size() + " " + String.join(" ", buildEnv) + " ")
                + String.join(" ", argv);
        // proxy args reach RUN without an ARG, and stay out of the history and the cache key, as in Docker
        s.request.buildArgs().forEach((k, v) -> {
            if (v != null && BuildSession.PREDEFINED_ARGS.contains(k) && !args.containsKey(k)
                    && !configEnv.containsKey(k)) {
                buildEnv.add(k + "=" + v);
            }
        });
        cached(shown, "", shown, current, () -> {
            StepRunner.RunResult result = s.runner.run(new StepRunner.RunSpec(imageId.toString(), topLayer(), argv,
                    buildEnv, current.user() == null ? "" : current.user(),
                    current.workingDir() == null ? "" : current.workingDir(), s.request.network(),
                    Timestamps.sourceDateEpoch(s.request.buildArgs())), progress);
            if (result.exitCode() != 0) {
                throw new InvalidArgumentException("The command '" + String.join(" ", argv)
                        + "' returned a non-zero code: " + result.exitCode());
            }
            progress.stream("Removing intermediate container " + result.containerId() + "\n");
            return newImage(current, result.layer() == null ? null : result.layer().diffId(), shown);
        });
    }

    // ---- shared with CopyInstruction ----

    ImageId imageId() {
        return imageId;
    }

    ImageConfig config() {
        return config;
    }

    ChainId topLayer() {
        return ChainId.top(config.diffIds());
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>(nonNull(args));
        env.putAll(RunConfigEditor.envMap(config.config() == null ? null : config.config().env()));
        return env;
    }

    /**
     * Takes the step from the cache (the local one, then the {@code --cache-from} images, which
     * match on {@code createdBy}; {@code stepRun} is the config the step gives) or makes it with
     * {@code body}, then makes it the current image.
     */
    void cached(String instruction, String content, String createdBy, RunConfig stepRun, StepBody body)
            throws Exception {
        Digest key = BuildCache.key(imageId, instruction, content);
        boolean useCache = !s.request.noCache();
        Optional<ImageId> local = useCache ? s.cache.find(key).filter(id -> s.images.find(id.toString()).isPresent())
                : Optional.empty();
        ImageId result;
        if (local.isPresent()) {
            progress.stream(" ---> Using cache\n");
            result = local.get();
        } else {
            Optional<ImageId> restored = useCache && imageId != null
                    ? s.cacheSources.find(imageId, config, createdBy, stepRun) : Optional.empty();
            if (restored.isPresent()) {
                progress.stream(" ---> Using cache\n");
            }
            result = restored.isPresent() ? restored.get() : body.make();
            s.cache.put(key, result);
        }
        load(result);
        progress.stream(" ---> " + imageId.shortId() + "\n");
    }

    /** A new image: the current one with {@code run} as its run config and {@code layer} (or none) on top. */
    ImageId newImage(RunConfig run, DiffId layer, String createdBy) throws Exception {
        String now = created();
        List<ImageConfig.History> history = new ArrayList<>(config.history() == null ? List.of() : config.history());
        history.add(new ImageConfig.History(now, createdBy, null, null, layer == null ? Boolean.TRUE : null));
        List<String> diffIds = new ArrayList<>(config.diffIds().stream().map(DiffId::toString).toList());
        if (layer != null) {
            diffIds.add(layer.toString());
        }
        ImageConfig next = new ImageConfig(config.architecture(), config.os(), config.variant(), now, config.author(),
                run, new ImageConfig.RootFs("layers", diffIds), history, config.extra());
        return s.images.create(new NewImage(next.toBytes(), imageId, List.of(), List.of())).id();
    }

    private void commitMeta(String text, RunConfig run) throws Exception {
        String createdBy = "/bin/sh -c #(nop) " + text;
        cached(createdBy + "\nauthor=" + config.author(), "", createdBy, run, () -> newImage(run, null, createdBy));
    }

    private void load(ImageId id) {
        Image image = s.images.get(id.toString());
        imageId = image.id();
        config = image.config();
    }

    private String created() {
        Instant epoch = Timestamps.sourceDateEpoch(s.request.buildArgs());
        return (epoch != null ? epoch : s.clock.instant().truncatedTo(ChronoUnit.MICROS)).toString();
    }

    private static List<String> argv(Instruction.Command command, List<String> shell) {
        if (command.exec()) {
            return command.args();
        }
        List<String> out = new ArrayList<>(shell == null || shell.isEmpty() ? List.of("/bin/sh", "-c") : shell);
        out.add(command.args().getFirst());
        return out;
    }

    private ImageConfig.Healthcheck healthcheck(Instruction.Healthcheck h) {
        if (h.test() == null) {
            return new ImageConfig.Healthcheck(List.of("NONE"), null, null, null, null, null);
        }
        List<String> test = new ArrayList<>();
        if (h.test().exec()) {
            test.add("CMD");
            test.addAll(h.test().args());
        } else {
            test.add("CMD-SHELL");
            test.add(h.test().args().getFirst());
        }
        Map<String, String> f = h.flags();
        return new ImageConfig.Healthcheck(test, nanos(f.get("interval")), nanos(f.get("timeout")),
                nanos(f.get("start-period")), nanos(f.get("start-interval")),
                f.containsKey("retries") ? Integer.valueOf(f.get("retries")) : null);
    }

    private static Long nanos(String text) {
        return text == null ? null : dev.berth.api.units.GoDuration.parseNanos(text);
    }

    private static String json(List<String> list) {
        try {
            return dev.berth.api.Json.MAPPER.writeValueAsString(list);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    InvalidArgumentException error(Instruction at, String message) {
        return new InvalidArgumentException(new DockerfileException(s.file.name(), at.line(), message).getMessage());
    }

    static Map<String, String> nonNull(Map<String, String> map) {
        Map<String, String> out = new HashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
