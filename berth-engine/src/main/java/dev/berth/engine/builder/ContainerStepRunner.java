package dev.berth.engine.builder;

import dev.berth.api.Json;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.containers.OutputHub;
import dev.berth.engine.containers.WaitCondition;
import dev.berth.engine.layers.Layer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs RUN steps as ordinary containers of the container service (so they get the same
 * spec, mounts and runtime as {@code docker run}), then commits the container's upper
 * directory, without the bind-mount placeholders ({@link MountPlaceholders}) and the mount
 * points of the step's {@code RUN --mount}s ({@link MountPoints}), which it gets as API mounts.
 */
public final class ContainerStepRunner implements StepRunner {

    private final ContainerService containers;
    private final dev.berth.engine.layers.LayerStore layers;
    private final Path tmpDir;

    public ContainerStepRunner(ContainerService containers, dev.berth.engine.layers.LayerStore layers, Path tmpDir) {
        this.containers = containers;
        this.layers = layers;
        this.tmpDir = tmpDir;
    }

    @Override
    public RunResult run(RunSpec spec, BuildProgress progress) throws Exception {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Image", spec.image());
        config.put("Cmd", spec.argv());
        config.put("Entrypoint", List.of());
        config.put("Env", spec.env());
        config.put("User", spec.user());
        config.put("WorkingDir", spec.workdir());
        ContainerConfig request = Json.MAPPER.convertValue(config, ContainerConfig.class);
        Map<String, Object> hostConfig = new LinkedHashMap<>();
        if (spec.network() != null) {
            hostConfig.put("NetworkMode", spec.network());
        }
        if (!spec.mounts().isEmpty()) {
            hostConfig.put("Mounts", spec.mounts().stream().map(ContainerStepRunner::mount).toList());
        }
        HostConfig host = hostConfig.isEmpty() ? HostConfig.empty()
                : Json.MAPPER.convertValue(hostConfig, HostConfig.class);
        ContainerRecord record = containers.create(null, request, host).record();
        String id = record.id().hex();
        progress.stream(" ---> Running in " + id.substring(0, 12) + "\n");
        try {
            AutoCloseable attached = containers.attach(id, new OutputHub.Listener() {
                @Override
                public void output(dev.berth.api.stream.StdStream stream, byte[] data, int offset, int length) {
                    progress.stream(new String(data, offset, length, StandardCharsets.UTF_8));
                }
            });
            CompletableFuture<Integer> exit = containers.waitFor(id, WaitCondition.NEXT_EXIT);
            int code;
            try (attached) {
                containers.start(id);
                code = exit.get();
            }
            if (code != 0) {
                return new RunResult(code, id.substring(0, 12), null);
            }
            Path upper = containers.pathsOf(containers.get(id)).upperDir();
            MountPlaceholders.removeFrom(upper);
            if (!spec.mounts().isEmpty()) {
                MountPoints.removeFrom(upper, spec.parent() == null ? List.of() : layers.lowerDirs(spec.parent()),
                        spec.mounts().stream().map(StepMount::target).toList());
            }
            Layer layer = LayerCommitter.isEmpty(upper) ? null : new LayerCommitter(layers, tmpDir, spec.sourceDateEpoch())
                    .commit(spec.parent(), upper);
            return new RunResult(0, id.substring(0, 12), layer);
        } finally {
            try {
                containers.remove(id, true, false);
            } catch (RuntimeException e) {
                progress.stream("failed to remove intermediate container " + id.substring(0, 12) + ": "
                        + e.getMessage() + "\n");
            }
        }
    }

    /** A step mount as the API's Mount object, so the container gets it as {@code docker run --mount} would. */
    private static Map<String, Object> mount(StepMount m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Type", m.source() == null ? "tmpfs" : "bind");
        if (m.source() != null) {
            out.put("Source", m.source().toString());
        }
        out.put("Target", m.target());
        out.put("ReadOnly", m.readOnly());
        if (m.tmpfsSize() != null) {
            out.put("TmpfsOptions", Map.of("SizeBytes", m.tmpfsSize()));
        }
        return out;
    }
}
