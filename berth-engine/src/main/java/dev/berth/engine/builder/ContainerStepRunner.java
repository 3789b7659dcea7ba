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
 * directory, without the bind-mount placeholders ({@link MountPlaceholders}).
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
        HostConfig host = spec.network() == null ? HostConfig.empty()
                : Json.MAPPER.convertValue(Map.of("NetworkMode", spec.network()), HostConfig.class);
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
}
