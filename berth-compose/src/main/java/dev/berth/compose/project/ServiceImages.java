package dev.berth.compose.project;

import dev.berth.api.build.ContextTar;
import dev.berth.api.build.DockerIgnore;
import dev.berth.api.client.ApiException;
import dev.berth.api.client.BuildOptions;
import dev.berth.api.client.EngineClient;
import dev.berth.api.client.JsonMessageStream;
import dev.berth.api.types.system.JsonMessage;
import dev.berth.compose.model.BuildSpec;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The images a project's services run: the reference ({@code image:}, or compose's
 * {@code <project>-<service>} for a service that only builds), whether it is present, and
 * getting it: pulled through the daemon ({@code POST /images/create}) or built
 * ({@code POST /build} with the context as docker's CLI sends it: a tar without what
 * .dockerignore excludes).
 */
public final class ServiceImages {

    private final EngineClient client;
    private final Progress progress;
    private final Function<String, String> registryAuth;

    /** {@code registryAuth} gives the X-Registry-Auth value for an image's repository, or null. */
    public ServiceImages(EngineClient client, Progress progress, Function<String, String> registryAuth) {
        this.client = client;
        this.progress = progress;
        this.registryAuth = registryAuth;
    }

    /** The image {@code service} runs. */
    public static String reference(Project project, Service service) {
        return service.image() != null ? service.image() : project.name() + "-" + service.name();
    }

    /** The image's ID, or null when the daemon does not have it. */
    public String id(String reference) throws IOException {
        try {
            return client.images().inspect(reference).id();
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Makes sure the service's image is there: built when it has {@code build:} and the image is
     * missing (or {@code forceBuild}), pulled when missing (or pull_policy always), an error for
     * pull_policy never. Returns the image's ID.
     */
    public String ensure(Project project, Service service, boolean forceBuild, boolean noBuild) throws IOException {
        String ref = reference(project, service);
        String policy = service.pullPolicy() == null ? "missing" : service.pullPolicy();
        String id = id(ref);
        if (service.build() != null && !noBuild && (forceBuild || id == null || policy.equals("build"))) {
            return build(project, service, BuildFlags.NONE);
        }
        if (id != null && !policy.equals("always")) {
            return id;
        }
        if (policy.equals("never")) {
            throw new IllegalArgumentException("image " + ref + " of service " + service.name()
                    + " is not present and pull_policy is never");
        }
        if (id == null && service.build() != null) {
            throw new IllegalArgumentException("image " + ref + " of service " + service.name() + " is not built (--no-build)");
        }
        pull(ref, service.platform());
        return id(ref);
    }

    /** Pulls {@code reference}, reporting " Image x Pulling/Pulled". */
    public void pull(String reference, String platform) throws IOException {
        String resource = "Image " + reference;
        progress.working(resource, "Pulling");
        String name = reference;
        String tag = "latest";
        int at = reference.indexOf('@');
        int colon = reference.lastIndexOf(':');
        if (at >= 0) {
            name = reference.substring(0, at);
            tag = reference.substring(at + 1);
        } else if (colon > reference.lastIndexOf('/')) {
            name = reference.substring(0, colon);
            tag = reference.substring(colon + 1);
        }
        try (JsonMessageStream messages = client.distribution().pull(name, tag, platform, registryAuth.apply(name))) {
            drain(messages, resource);
        }
        progress.done(resource, "Pulled");
    }

    /**
     * Builds the service's image and tags it with its reference (and build.tags); returns the ID.
     * The flags add to the file's {@code no_cache} and {@code pull} ({@code build --no-cache --pull}).
     */
    public String build(Project project, Service service, BuildFlags flags) throws IOException {
        BuildSpec spec = service.build();
        String ref = reference(project, service);
        String resource = "Image " + ref;
        progress.working(resource, "Building");
        if (spec.context().contains("://") || spec.context().startsWith("git@")) {
            throw new IllegalArgumentException("service " + service.name() + ": remote build contexts are not supported");
        }
        Path root = Path.of(spec.context()).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("service " + service.name() + ": build context " + root + " is not a directory");
        }
        String dockerfile = spec.dockerfileInline() != null ? ".dockerfile.inline"
                : spec.dockerfile() == null ? "Dockerfile" : spec.dockerfile();
        Map<String, String> args = new LinkedHashMap<>();
        spec.args().forEach((k, v) -> {
            String value = v != null ? v : project.environment().get(k);
            if (value != null) {
                args.put(k, value);
            }
        });
        java.util.List<String> tags = new java.util.ArrayList<>();
        tags.add(ref);
        tags.addAll(spec.tags());
        BuildOptions options = new BuildOptions(tags, dockerfile, args, spec.labels(), spec.target(),
                spec.noCache() || flags.noCache(), false, spec.network(), spec.cacheFrom(), spec.pull() || flags.pull());
        PipedInputStream body = new PipedInputStream(1 << 16);
        PipedOutputStream pipe = new PipedOutputStream(body);
        DockerIgnore ignore = ignore(root, dockerfile);
        byte[] inline = spec.dockerfileInline() == null ? null : spec.dockerfileInline().getBytes(StandardCharsets.UTF_8);
        Thread writer = Thread.ofVirtual().start(() -> {
            try (OutputStream out = pipe; ContextTar tar = new ContextTar(out)) {
                tar.addDirectory(root, ignore, Set.of(dockerfile, ".dockerignore"));
                if (inline != null) {
                    tar.addFile(dockerfile, inline, 0644);
                }
            } catch (IOException e) {
                // the build request fails on the daemon's side and says so
            }
        });
        String id;
        try (JsonMessageStream messages = client.images().build(body, options)) {
            id = drain(messages, resource);
        } finally {
            writer.interrupt();
        }
        progress.done(resource, "Built");
        return id != null ? id : id(ref);
    }

    /** Reads a message stream to its end; an error message fails. Returns the aux ID, if any. */
    private static String drain(JsonMessageStream messages, String resource) throws IOException {
        String id = null;
        JsonMessage m;
        while ((m = messages.next()) != null) {
            if (m.errorDetail() != null || m.error() != null) {
                String text = m.errorDetail() != null && m.errorDetail().message() != null ? m.errorDetail().message() : m.error();
                throw new IOException(resource + ": " + text);
            }
            if (m.aux() != null && m.aux().has("ID")) {
                id = m.aux().get("ID").asText();
            }
        }
        return id;
    }

    private static DockerIgnore ignore(Path root, String dockerfile) throws IOException {
        Path specific = root.resolve(dockerfile + ".dockerignore");
        if (Files.isRegularFile(specific)) {
            return DockerIgnore.parse(Files.readString(specific));
        }
        Path general = root.resolve(".dockerignore");
        return Files.isRegularFile(general) ? DockerIgnore.parse(Files.readString(general)) : DockerIgnore.none();
    }
}
