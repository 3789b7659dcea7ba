package dev.berth.daemon.router.build;

import dev.berth.api.types.container.ContainerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What {@code POST /build} and {@code POST /commit} need from the engine. */
public interface BuildBackend {

    /**
     * The build's options, as the query of {@code POST /build} carries them.
     *
     * @param remote a URL of the context ({@code remote}: a Git repository, a tar or a Dockerfile) instead of the
     *               body; null or empty for the body
     */
    record BuildOptions(List<String> tags, String dockerfile, Map<String, String> buildArgs, Map<String, String> labels,
                        String target, boolean noCache, String networkMode, List<String> cacheFrom, String remote) {
    }

    /**
     * Unpacks {@code context} (a tar, plain or compressed), or fetches the context {@code options.remote()} names
     * (then {@code context} is not read), builds, reports progress text to {@code progress} and returns the image
     * ID ({@code sha256:...}). Errors are the engine's kinds.
     */
    String build(InputStream context, BuildOptions options, Consumer<String> progress) throws Exception;

    /** The options of {@code POST /commit}; {@code config} is the request body's container config, or null. */
    record CommitOptions(String container, String repo, String tag, String comment, String author,
                         List<String> changes, ContainerConfig config, boolean pause) {
    }

    /** Commits a container to an image; returns the image ID ({@code sha256:...}). */
    String commit(CommitOptions options) throws IOException;
}
