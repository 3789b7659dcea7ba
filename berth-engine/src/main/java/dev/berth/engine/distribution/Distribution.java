package dev.berth.engine.distribution;

import dev.berth.engine.content.ContentStore;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.UnauthorizedException;
import dev.berth.engine.error.UnavailableException;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.layers.DiffId;
import dev.berth.engine.layers.LayerStore;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The distribution service: pull, push, login and remote inspect against registries. Each
 * call gets the caller's credentials ({@link AuthConfig}) and a fresh {@link RegistryClient};
 * nothing about a registry's auth is kept between calls. Safe for concurrent use.
 */
public final class Distribution {

    private final RegistryConfig config;
    /** Made on first use: the JDK's client starts threads and loads ~1,000 classes that an idle daemon does not need. */
    private HttpClient http;
    private final ImageStore images;
    private final ContentStore content;
    private final LayerBlobIndex index;
    private final Puller puller;
    private final Pusher pusher;

    /** {@code dir} is the data root's {@code distribution} directory. */
    public Distribution(RegistryConfig config, ContentStore content, LayerStore layers, ImageStore images, Path dir)
            throws IOException {
        this.config = config;
        this.images = images;
        this.content = content;
        this.index = new LayerBlobIndex(dir.resolve("layers"));
        this.puller = new Puller(content, layers, images, index, config.maxConcurrentDownloads());
        this.pusher = new Pusher(content, layers, images, index, config.maxConcurrentUploads());
    }

    /**
     * Pulls {@code ref} (normalised; a tag or digest) for {@code platform}, reporting progress in
     * dockerd's words; a reference with neither pulls every tag of the repository, as
     * {@code docker pull -a}. Tries the registry's endpoints in order (mirrors first for docker.io).
     * Errors: NotFoundException (unknown repository, tag or platform), UnauthorizedException,
     * InvalidArgumentException (digest mismatch, bad manifest), UnavailableException (registry down).
     */
    public List<Image> pull(ImageRef ref, PlatformSelector platform, AuthConfig auth, Progress.Listener progress)
            throws IOException {
        List<URI> endpoints = config.endpoints(ref.domain(), true);
        for (URI base : endpoints) {
            try {
                return pullFrom(new RegistryClient(http(), base, ref.path(), auth, "pull"), ref, platform, progress);
            } catch (UnavailableException | UnauthorizedException e) {
                if (base.equals(endpoints.getLast())) {
                    throw e instanceof UnauthorizedException u ? pullDenied(ref, u) : e;
                }
                // a mirror that is down or refuses: try the next endpoint
            }
        }
        throw new IllegalStateException("no endpoint for " + ref.domain());
    }

    /** dockerd's words for a refused pull: the repository may not exist, or may want a login. */
    private static UnauthorizedException pullDenied(ImageRef ref, UnauthorizedException e) {
        if (!e.getMessage().contains(": denied: ")) {
            return e;
        }
        return new UnauthorizedException("pull access denied for " + ref.familiarName()
                + ", repository does not exist or may require 'docker login': "
                + e.getMessage().substring(e.getMessage().indexOf(": denied: ") + 2), e);
    }

    private List<Image> pullFrom(RegistryClient client, ImageRef ref, PlatformSelector platform,
            Progress.Listener progress) throws IOException {
        if (ref.tag() != null || ref.isDigested()) {
            Puller.Pulled p = puller.pull(client, ref, platform, progress);
            progress.on(Puller.status(ref.familiar(), p.updated()));
            return List.of(p.image());
        }
        List<Image> pulled = new ArrayList<>();
        boolean updated = false;
        for (String tag : TagList.all(client)) {
            Puller.Pulled p = puller.pull(client, ref.withTag(tag), platform, progress);
            pulled.add(p.image());
            updated |= p.updated();
        }
        progress.on(Puller.status(ref.familiarName(), updated));
        return pulled;
    }

    /**
     * Pushes the local image {@code ref} to its registry; a reference without a tag pushes every
     * tag of that repository ({@code docker push -a}), each ending in its own digest line.
     */
    public List<Progress.Result> push(ImageRef ref, AuthConfig auth, Progress.Listener progress) throws IOException {
        if (ref.isDigested()) {
            throw new InvalidArgumentException("cannot push a digest reference");
        }
        URI base = config.endpoints(ref.domain(), false).getFirst();
        RegistryClient client = new RegistryClient(http(), base, ref.path(), auth, "pull,push");
        client.ping(); // refused credentials are an HTTP 401 (the CLI offers a login), not an in-band error
        progress.on(Progress.line("The push refers to repository [" + ref.name() + "]"));
        List<ImageRef> tags = ref.tag() != null ? List.of(ref) : localTags(ref);
        List<Progress.Result> results = new ArrayList<>();
        for (ImageRef tag : tags) {
            results.add(pusher.push(client, tag, progress));
        }
        return results;
    }

    /** The tags of {@code repository} here, in order; NotFoundException when there are none. */
    private List<ImageRef> localTags(ImageRef repository) {
        List<ImageRef> tags = images.list().stream().flatMap(i -> i.repoTags().stream()).map(ImageRef::parse)
                .filter(r -> r.name().equals(repository.name())).distinct()
                .sorted(java.util.Comparator.comparing(ImageRef::tag)).toList();
        if (tags.isEmpty()) {
            throw new NotFoundException("An image does not exist locally with the tag: " + repository.familiarName());
        }
        return tags;
    }

    /**
     * Checks credentials against a registry ({@code GET /v2/}, answering its challenge);
     * UnauthorizedException "login attempt to <url> failed with status: 401 Unauthorized" when refused.
     */
    public void login(AuthConfig auth) throws IOException {
        String domain = RegistryConfig.domainOf(auth.serverAddress());
        URI base = config.endpoints(domain, false).getFirst();
        RegistryClient client = new RegistryClient(http(), base, null, auth, "pull");
        URI ping = base.resolve("/v2/");
        try {
            int status = client.ping();
            if (status / 100 != 2) {
                throw new UnauthorizedException("login attempt to " + ping + " failed with status: " + status);
            }
        } catch (UnauthorizedException e) {
            throw new UnauthorizedException("login attempt to " + ping + " failed with status: 401 Unauthorized");
        }
    }

    /**
     * Deletes the compressed blobs (pulled, or made for a push) of layers no image uses any
     * more, and forgets them: run after images are removed. A blob still named by another
     * layer's record stays.
     */
    public void collectGarbage() throws IOException {
        java.util.Set<DiffId> used = new java.util.HashSet<>();
        images.list().forEach(i -> used.addAll(i.diffIds()));
        java.util.Set<String> kept = new java.util.HashSet<>();
        List<Descriptor> unused = new ArrayList<>();
        for (DiffId d : index.diffIds()) {
            var blob = index.find(d);
            if (blob.isEmpty()) {
                continue;
            }
            if (used.contains(d)) {
                kept.add(blob.get().digest());
            } else {
                unused.add(blob.get());
                index.forget(d);
            }
        }
        for (Descriptor blob : unused) {
            if (!kept.contains(blob.digest())) {
                content.delete(blob.parsedDigest());
            }
        }
    }

    /** What {@code ref} points at in its registry, and the platforms an index offers. */
    public RemoteDescriptor inspect(ImageRef ref, AuthConfig auth) throws IOException {
        URI base = config.endpoints(ref.domain(), true).getLast();
        RegistryClient client = new RegistryClient(http(), base, ref.path(), auth, "pull");
        String reference = ref.isDigested() ? ref.digest().toString() : ref.tag();
        ManifestResolver.Resolved r = ManifestResolver.resolve(client, reference, PlatformSelector.host());
        List<Descriptor.PlatformSpec> platforms = r.platforms();
        if (platforms.isEmpty()) {
            platforms = List.of(platformOf(client, r.manifest())); // a single manifest: its config says
        }
        return new RemoteDescriptor(r.descriptor(), platforms);
    }

    private static Descriptor.PlatformSpec platformOf(RegistryClient client, Manifests.Manifest m) throws IOException {
        var res = client.expect(() -> HttpRequest.newBuilder(client.uri("blobs/" + m.config().digest())).GET(),
                "config blob");
        try (InputStream in = res.body()) {
            var tree = Manifests.JSON.readTree(in.readNBytes(8 * 1024 * 1024));
            return new Descriptor.PlatformSpec(tree.path("architecture").asText(null), tree.path("os").asText(null),
                    tree.path("variant").asText(null));
        }
    }

    /** The answer of {@code GET /distribution/{name}/json}. */
    public record RemoteDescriptor(Descriptor descriptor, List<Descriptor.PlatformSpec> platforms) {
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = RegistryClient.newHttpClient();
        }
        return http;
    }
}
