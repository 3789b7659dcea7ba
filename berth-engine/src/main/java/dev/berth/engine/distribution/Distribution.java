package dev.berth.engine.distribution;

import dev.berth.engine.content.ContentStore;
import dev.berth.engine.error.BerthException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.UnavailableException;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.layers.LayerStore;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
    private final Puller puller;
    private final Pusher pusher;

    /** {@code dir} is the data root's {@code distribution} directory. */
    public Distribution(RegistryConfig config, ContentStore content, LayerStore layers, ImageStore images, Path dir)
            throws IOException {
        this.config = config;
        LayerBlobIndex index = new LayerBlobIndex(dir.resolve("layers"));
        this.puller = new Puller(content, layers, images, index, config.maxConcurrentDownloads());
        this.pusher = new Pusher(content, layers, images, index, config.maxConcurrentUploads());
    }

    /**
     * Pulls {@code ref} (normalised; a tag or digest) for {@code platform}, reporting progress in
     * dockerd's words. Tries the registry's endpoints in order (mirrors first for docker.io).
     * Errors: NotFoundException (unknown repository, tag or platform), RegistryAuthException,
     * InvalidArgumentException (digest mismatch, bad manifest), UnavailableException (registry down).
     */
    public Image pull(ImageRef ref, PlatformSelector platform, AuthConfig auth, Progress.Listener progress)
            throws IOException {
        List<URI> endpoints = config.endpoints(ref.domain(), true);
        RuntimeException last = null;
        for (URI base : endpoints) {
            try {
                return puller.pull(new RegistryClient(http(), base, ref.path(), auth, "pull"), ref, platform, progress);
            } catch (UnavailableException | RegistryAuthException e) {
                last = e; // a mirror that is down or refuses: try the next endpoint
                if (base.equals(endpoints.getLast())) {
                    throw e;
                }
            }
        }
        throw last;
    }

    /** Pushes the local image {@code ref} (a tag) to its registry; the manifest's digest and size. */
    public Progress.Result push(ImageRef ref, AuthConfig auth, Progress.Listener progress) throws IOException {
        if (ref.isDigested() || ref.tag() == null) {
            throw new InvalidArgumentException("cannot push a digest reference");
        }
        URI base = config.endpoints(ref.domain(), false).getFirst();
        return pusher.push(new RegistryClient(http(), base, ref.path(), auth, "pull,push"), ref, progress);
    }

    /**
     * Checks credentials against a registry ({@code GET /v2/}, answering its challenge);
     * RegistryAuthException "login attempt to <url> failed with status: 401 Unauthorized" when refused.
     */
    public void login(AuthConfig auth) throws IOException {
        String domain = RegistryConfig.domainOf(auth.serverAddress());
        URI base = config.endpoints(domain, false).getFirst();
        RegistryClient client = new RegistryClient(http(), base, null, auth, "pull");
        URI ping = base.resolve("/v2/");
        try {
            HttpResponse<InputStream> res = client.send(() -> HttpRequest.newBuilder(ping).GET());
            res.body().close();
            if (res.statusCode() / 100 != 2) {
                throw new RegistryAuthException("login attempt to " + ping + " failed with status: " + res.statusCode());
            }
        } catch (RegistryAuthException e) {
            throw new RegistryAuthException("login attempt to " + ping + " failed with status: 401 Unauthorized");
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

    /** Whether {@code e} is one this service reports in words a client shows as they are. */
    public static boolean isExpected(RuntimeException e) {
        return e instanceof BerthException || e instanceof RegistryAuthException;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = RegistryClient.newHttpClient();
        }
        return http;
    }
}
