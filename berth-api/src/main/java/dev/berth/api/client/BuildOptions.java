package dev.berth.api.client;

import java.util.List;
import java.util.Map;

/** The options of {@code POST /build} that berth's CLI sends (the classic builder's query). */
public record BuildOptions(List<String> tags, String dockerfile, Map<String, String> buildArgs,
                           Map<String, String> labels, String target, boolean noCache, boolean quiet) {

    public BuildOptions {
        tags = tags == null ? List.of() : List.copyOf(tags);
        buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
