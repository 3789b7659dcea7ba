package dev.berth.daemon;

import dev.berth.daemon.router.build.BuildBackend;
import dev.berth.engine.builder.BuildRequest;
import dev.berth.engine.builder.Builder;
import java.io.InputStream;
import java.util.function.Consumer;

/** The build route's backend: the builder, with the route's options as a build request. */
final class BuildApi implements BuildBackend {

    private final Builder builder;

    BuildApi(Builder builder) {
        this.builder = builder;
    }

    @Override
    public String build(InputStream context, BuildOptions options, Consumer<String> progress) throws Exception {
        BuildRequest request = new BuildRequest(null, options.dockerfile(), options.tags(), options.buildArgs(),
                options.labels(), options.target(), options.noCache());
        return builder.build(context, request, progress::accept).toString();
    }
}
