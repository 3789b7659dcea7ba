package dev.berth.daemon;

import dev.berth.daemon.router.build.BuildBackend;
import dev.berth.engine.builder.BuildRequest;
import dev.berth.engine.builder.Builder;
import dev.berth.engine.builder.ContainerCommitter;
import dev.berth.engine.events.Event;
import dev.berth.engine.events.EventBus;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The backend of the routes that make images: the builder, and commits of containers. */
final class BuildApi implements BuildBackend {

    private final Builder builder;
    private final ContainerCommitter commits;
    private final EventBus events;

    BuildApi(Builder builder, ContainerCommitter commits, EventBus events) {
        this.builder = builder;
        this.commits = commits;
        this.events = events;
    }

    @Override
    public String build(InputStream context, BuildOptions options, Consumer<String> progress) throws Exception {
        BuildRequest request = new BuildRequest(null, options.dockerfile(), options.tags(), options.buildArgs(),
                options.labels(), options.target(), options.noCache(), options.networkMode(), options.cacheFrom());
        if (options.remote() != null && !options.remote().isEmpty()) {
            return builder.buildRemote(options.remote(), request, progress::accept).toString();
        }
        return builder.build(context, request, progress::accept).toString();
    }

    @Override
    public String commit(CommitOptions o) throws IOException {
        String reference = o.repo() == null || o.repo().isEmpty() ? null
                : o.tag() == null || o.tag().isEmpty() ? o.repo() : o.repo() + ":" + o.tag();
        String id = commits.commit(new ContainerCommitter.CommitRequest(o.container(), reference, o.comment(),
                o.author(), o.changes(), o.config(), o.pause())).toString();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("comment", o.comment() == null ? "" : o.comment());
        attributes.put("imageID", id);
        attributes.put("imageRef", reference == null ? "" : reference);
        // dockerd reports a commit as an event of the container
        events.publish(Event.CONTAINER, "commit", o.container(), attributes);
        return id;
    }
}
