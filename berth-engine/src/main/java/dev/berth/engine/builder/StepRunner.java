package dev.berth.engine.builder;

import dev.berth.engine.layers.ChainId;
import dev.berth.engine.layers.Layer;
import java.util.List;

/**
 * Runs a RUN step: the command in a container of the step's image, its output to the
 * build's progress, and its filesystem changes as one layer. The container is gone when
 * {@link #run} returns, whatever happened.
 */
public interface StepRunner {

    /**
     * @param image  the step's image (its ID)
     * @param parent the image's top layer, or null when it has none
     * @param argv   the process (shell form already wrapped in the shell)
     * @param env    environment added to the image's (build args not overridden by ENV)
     * @param user   the user or empty
     * @param workdir the working directory or empty
     * @param network the container's network mode, or null for the default bridge
     * @param sourceDateEpoch the layer's times are clamped to it, or null
     * @param mounts  the step's {@code RUN --mount}s, host side ready; what they show and the
     *                mount points the runtime made for them are never part of the layer
     */
    record RunSpec(String image, ChainId parent, List<String> argv, List<String> env, String user, String workdir,
                   String network, java.time.Instant sourceDateEpoch, List<StepMount> mounts) {
        public RunSpec {
            mounts = List.copyOf(mounts);
        }
    }

    /**
     * A mount of the build container: {@code source} (a host path) bind-mounted at {@code target},
     * or, when {@code source} is null, a tmpfs of {@code tmpfsSize} bytes (null: the default).
     */
    record StepMount(java.nio.file.Path source, String target, boolean readOnly, Long tmpfsSize) {
    }

    /** The exit code, the container's short ID, and the new layer (null when nothing changed or on failure). */
    record RunResult(int exitCode, String containerId, Layer layer) {
    }

    RunResult run(RunSpec spec, BuildProgress progress) throws Exception;
}
