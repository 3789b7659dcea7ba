package dev.berth.engine.builder;

import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.images.ImageConfig.RunConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One RUN step: the command in a build container of the current image ({@link StepRunner}),
 * with the stage's ARGs in its environment; the container's changes become the step's layer
 * (none when nothing changed). A non-zero exit fails the build and leaves the steps before it.
 */
final class RunInstruction {

    private final BuildSession s;
    private final StageImage image;
    private final BuildProgress progress;

    RunInstruction(BuildSession session, StageImage image, BuildProgress progress) {
        this.s = session;
        this.image = image;
        this.progress = progress;
    }

    /** {@code current}: the run config before the step (it gives the same); {@code args}: the stage's ARGs. */
    void apply(Instruction.Run r, RunConfig current, Map<String, String> args) throws Exception {
        List<String> argv = ShellForm.argv(r.command(), current.shell());
        Map<String, String> configEnv = RunConfigEditor.envMap(current.env());
        // ARGs reach the process unless ENV sets the same name, and show in the history as the
        // classic builder's "|n K=V" prefix, so a changed ARG is a different step
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
        image.advance(new StepCache.Step(shown, "", shown, current), () -> {
            StepRunner.RunResult result = s.runner.run(new StepRunner.RunSpec(image.id().toString(),
                    image.topLayer(), argv, buildEnv, current.user() == null ? "" : current.user(),
                    current.workingDir() == null ? "" : current.workingDir(), s.request.network(),
                    Timestamps.sourceDateEpoch(s.request.buildArgs())), progress);
            if (result.exitCode() != 0) {
                throw new InvalidArgumentException("The command '" + String.join(" ", argv)
                        + "' returned a non-zero code: " + result.exitCode());
            }
            progress.stream("Removing intermediate container " + result.containerId() + "\n");
            return image.child(current, result.layer() == null ? null : result.layer().diffId(), shown);
        });
    }
}
