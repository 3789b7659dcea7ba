package dev.berth.engine.builder;

import dev.berth.engine.builder.dockerfile.DockerfileParser;
import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageConfig.RunConfig;
import dev.berth.engine.images.ImageId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one stage by walking its instructions: FROM, the base image's ONBUILD triggers, each
 * instruction of the stage (announced as "Step n/m"), then the build's {@code --label}s when
 * this is the target. Each instruction is a step handled by its own kind: RUN
 * ({@link RunInstruction}), COPY/ADD ({@link CopyInstruction}), the rest
 * ({@link MetadataInstruction}); the {@link StageImage} they share is what the stage has built
 * so far. Holds the stage's declared ARGs, which its words expand with.
 */
final class StageRun {

    private final BuildSession s;
    private final StagePlan.Stage stage;
    private final BuildProgress progress;
    private int step;
    private final Map<String, String> args = new LinkedHashMap<>();
    private final StageImage image;
    private final MetadataInstruction metadata;
    private final RunInstruction run;
    private final CopyInstruction copy;

    /** {@code progress}: this stage's output; {@code firstStep}: the number its FROM has in "Step n/m". */
    StageRun(BuildSession session, StagePlan.Stage stage, BuildProgress progress, int firstStep) {
        this.s = session;
        this.stage = stage;
        this.progress = progress;
        this.step = firstStep;
        this.image = new StageImage(session, progress);
        this.metadata = new MetadataInstruction(session, image, args);
        this.run = new RunInstruction(session, stage, image, progress);
        this.copy = new CopyInstruction(session, stage, image);
    }

    /** The stage's image; {@code isTarget}: the build's {@code --label}s are added as a last step. */
    ImageId run(boolean isTarget) throws Exception {
        Instruction.From from = stage.from();
        announce(from.text());
        from(from);
        runTriggers();
        for (Instruction i : stage.body()) {
            announce(i.text());
            step(i);
        }
        if (isTarget && !s.request.labels().isEmpty()) {
            labels();
        }
        if (image.id() == null) {
            throw new InvalidArgumentException("No image was generated. Is your Dockerfile empty?");
        }
        return image.id();
    }

    /** Prints "Step n/m : text" for the next step. */
    private void announce(String text) {
        progress.stream("Step " + step++ + "/" + s.totalSteps + " : " + text + "\n");
    }

    /** FROM: scratch, an earlier stage (built before this one starts), or an image in the store. */
    private void from(Instruction.From from) throws Exception {
        String name;
        try {
            Map<String, String> fromArgs = new HashMap<>(BuildSession.PLATFORM_ARGS);
            fromArgs.putAll(nonNull(s.metaArgs));
            name = s.lex.processWord(from.image(), fromArgs);
        } catch (IllegalArgumentException e) {
            throw s.error(from, e.getMessage());
        }
        if (name.equalsIgnoreCase("scratch")) {
            image.scratch();
            return;
        }
        Optional<StagePlan.Stage> earlier = s.plan.find(name).filter(st -> st.index() < stage.index());
        if (earlier.isPresent()) {
            image.load(s.builtStage(earlier.get()));
        } else {
            Image base = s.images.find(name).orElseThrow(() -> new NotFoundException("No such image: " + name
                    + " (berth cannot pull from registries yet)"));
            image.load(base.id());
        }
        progress.stream(" ---> " + image.id().shortId() + "\n");
    }

    /**
     * The base image's ONBUILD triggers run first, as steps without a "Step n/m" line of their
     * own; they are cleared from the config so this stage's image does not pass them on.
     */
    private void runTriggers() throws Exception {
        RunConfig config = image.runConfig();
        List<String> triggers = config == null || config.onBuild() == null ? List.of() : config.onBuild();
        if (triggers.isEmpty()) {
            return;
        }
        progress.stream("# Executing " + triggers.size() + " build trigger" + (triggers.size() == 1 ? "" : "s")
                + "\n");
        RunConfigEditor e = new RunConfigEditor(config);
        e.onBuild = null;
        image.replaceRunConfig(e.build());
        for (String trigger : triggers) {
            for (Instruction i : DockerfileParser.parse(s.file.name(), trigger).instructions()) {
                step(i);
            }
        }
    }

    /** {@code --label}s on the target: one more LABEL step, counted in the step total. */
    private void labels() throws Exception {
        StringBuilder text = new StringBuilder("LABEL");
        RunConfigEditor e = new RunConfigEditor(image.runConfig());
        s.request.labels().forEach((k, v) -> {
            text.append(' ').append(k).append('=').append(v);
            e.addLabel(k, v);
        });
        announce(text.toString());
        image.advanceConfig(text.toString(), e.build());
    }

    /** One instruction; a word that does not expand is an error at its line. */
    private void step(Instruction instruction) throws Exception {
        try {
            Map<String, String> env = env();
            switch (instruction) {
                case Instruction.From f -> throw s.error(f, "FROM is not allowed here");
                case Instruction.Run r -> run.apply(r, new RunConfigEditor(image.runConfig()).build(), args, env);
                case Instruction.Copy c -> copy.apply(c, env);
                default -> metadata.apply(instruction, env);
            }
        } catch (IllegalArgumentException e) {
            throw s.error(instruction, e.getMessage());
        }
    }

    /** What an instruction's words expand with: the stage's ARGs, and the config's ENV over them. */
    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(nonNull(args));
        env.putAll(RunConfigEditor.envMap(image.runConfig() == null ? null : image.runConfig().env()));
        return env;
    }

    private static Map<String, String> nonNull(Map<String, String> map) {
        Map<String, String> out = new HashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
