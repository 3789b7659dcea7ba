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
 * Its flags: {@code --mount}s ({@link RunMounts}), {@code --network=none|host} for the build
 * container, {@code --security=sandbox} (insecure is refused).
 */
final class RunInstruction {

    private final BuildSession s;
    private final StagePlan.Stage stage;
    private final StageImage image;
    private final BuildProgress progress;

    RunInstruction(BuildSession session, StagePlan.Stage stage, StageImage image, BuildProgress progress) {
        this.s = session;
        this.stage = stage;
        this.image = image;
        this.progress = progress;
    }

    /**
     * {@code current}: the run config before the step (it gives the same); {@code args}: the
     * stage's ARGs; {@code env}: what the flags' words expand with.
     */
    void apply(Instruction.Run r, RunConfig current, Map<String, String> args, Map<String, String> env)
            throws Exception {
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
        if (r.flags().security().equals("insecure")) {
            throw s.error(r, "RUN --security=insecure is not allowed: it needs the security.insecure"
                    + " entitlement, which berth's builder does not grant");
        }
        String network = switch (r.flags().network()) {
            case "none", "host" -> r.flags().network();
            default -> s.request.network();
        };
        String workdir = current.workingDir() == null ? "" : current.workingDir();
        RunMounts mounts = RunMounts.resolve(s, stage, r, env, workdir);
        // the flags change what the step does, so they are in its key (not in its history, as in Docker);
        // a step without flags keeps the key it always had
        String key = shown + (java.util.Objects.equals(network, s.request.network()) ? "" : " --network=" + network)
                + mounts.key();
        image.advance(new StepCache.Step(key, "", shown, current), () -> {
            StepRunner.RunResult result;
            try (RunMounts.Opened opened = mounts.open()) {
                result = s.runner.run(new StepRunner.RunSpec(image.id().toString(), image.topLayer(), argv,
                        buildEnv, current.user() == null ? "" : current.user(), workdir, network,
                        Timestamps.sourceDateEpoch(s.request.buildArgs()), opened.mounts()), progress);
            }
            if (result.exitCode() != 0) {
                throw new InvalidArgumentException("The command '" + String.join(" ", argv)
                        + "' returned a non-zero code: " + result.exitCode());
            }
            progress.stream("Removing intermediate container " + result.containerId() + "\n");
            return image.child(current, result.layer() == null ? null : result.layer().diffId(), shown);
        });
    }
}
