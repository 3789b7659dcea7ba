package dev.berth.engine.builder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One build.
 *
 * @param context    the unpacked build context (the builder reads it, never writes it); null until
 *                   {@link Builder#build(java.io.InputStream, BuildRequest, BuildProgress)} unpacks one
 * @param dockerfile the Dockerfile's path inside the context ({@code Dockerfile} by default)
 * @param tags       references to point at the result
 * @param buildArgs  {@code --build-arg} values; a null value means "take it from the environment" and is ignored here
 * @param labels     {@code --label}s, added to the final image
 * @param target     the stage to build, or null for the last one
 * @param noCache    build every step even when the cache has it
 * @param network    the network mode of RUN steps ({@code default}, {@code none}, {@code host}, a network); null for default
 * @param cacheFrom  images whose steps may be reused (as {@code --cache-from}), besides the local cache
 */
public record BuildRequest(Path context, String dockerfile, List<String> tags, Map<String, String> buildArgs,
                           Map<String, String> labels, String target, boolean noCache, String network,
                           List<String> cacheFrom) {

    public BuildRequest {
        dockerfile = dockerfile == null || dockerfile.isEmpty() ? "Dockerfile" : dockerfile;
        tags = tags == null ? List.of() : List.copyOf(tags);
        buildArgs = buildArgs == null ? Map.of() : buildArgs;
        labels = labels == null ? Map.of() : labels;
        network = network == null || network.isEmpty() || network.equals("default") ? null : network;
        cacheFrom = cacheFrom == null ? List.of() : List.copyOf(cacheFrom);
    }

    public BuildRequest withContext(Path dir) {
        return new BuildRequest(dir, dockerfile, tags, buildArgs, labels, target, noCache, network, cacheFrom);
    }

    public BuildRequest withDockerfile(String name) {
        return new BuildRequest(context, name, tags, buildArgs, labels, target, noCache, network, cacheFrom);
    }
}
