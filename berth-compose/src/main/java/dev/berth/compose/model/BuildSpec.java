package dev.berth.compose.model;

import java.util.List;
import java.util.Map;

/**
 * A service's {@code build} section, long form ({@code build: ./dir} becomes a context only).
 *
 * @param context         absolute directory of the build context, or a URL (git, http) as written
 * @param dockerfile      Dockerfile path relative to the context; "Dockerfile" when unset
 * @param dockerfileInline the Dockerfile's text, when given inline instead of a file; else null
 * @param args            build arguments; a null value means "take it from the environment"
 * @param target          the stage to build, or null for the last
 * @param labels          labels to put on the built image
 * @param cacheFrom       images to use as cache sources
 * @param tags            further tags for the built image
 * @param network         network mode for RUN instructions, or null
 * @param extraHosts      extra /etc/hosts entries for RUN instructions, "host:ip"
 * @param shmSize         /dev/shm size for RUN instructions in bytes, or null
 * @param platforms       target platforms
 * @param noCache         do not use the build cache
 * @param pull            always pull base images
 */
public record BuildSpec(
        String context,
        String dockerfile,
        String dockerfileInline,
        Map<String, String> args,
        String target,
        Map<String, String> labels,
        List<String> cacheFrom,
        List<String> tags,
        String network,
        List<String> extraHosts,
        Long shmSize,
        List<String> platforms,
        boolean noCache,
        boolean pull) {

    public BuildSpec {
        args = Copies.map(args);
        labels = Copies.map(labels);
        cacheFrom = Copies.list(cacheFrom);
        tags = Copies.list(tags);
        extraHosts = Copies.list(extraHosts);
        platforms = Copies.list(platforms);
    }
}
