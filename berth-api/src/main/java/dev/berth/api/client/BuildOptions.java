package dev.berth.api.client;

import java.util.List;
import java.util.Map;

/**
 * The options of {@code POST /build} that berth's CLI sends (the classic builder's query).
 *
 * @param network   {@code networkmode} of RUN steps, null for the default
 * @param cacheFrom images the daemon may take cached steps from
 * @param pull      {@code pull=1}: ask the daemon to pull newer base images (it may ignore it)
 */
public record BuildOptions(List<String> tags, String dockerfile, Map<String, String> buildArgs,
                           Map<String, String> labels, String target, boolean noCache, boolean quiet,
                           String network, List<String> cacheFrom, boolean pull) {

    public BuildOptions {
        tags = tags == null ? List.of() : List.copyOf(tags);
        buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        cacheFrom = cacheFrom == null ? List.of() : List.copyOf(cacheFrom);
    }

    public BuildOptions(List<String> tags, String dockerfile, Map<String, String> buildArgs,
                        Map<String, String> labels, String target, boolean noCache, boolean quiet) {
        this(tags, dockerfile, buildArgs, labels, target, noCache, quiet, null, List.of(), false);
    }
}
