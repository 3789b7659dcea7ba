package dev.berth.engine.distribution;

import dev.berth.engine.content.ContentStore;
import dev.berth.engine.content.ContentWriter;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageConfig;
import dev.berth.engine.images.ImageId;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.images.NewImage;
import dev.berth.engine.layers.ChainId;
import dev.berth.engine.layers.DiffId;
import dev.berth.engine.layers.Layer;
import dev.berth.engine.layers.LayerStore;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * One pull: resolve the manifest, fetch the config, download the missing layers' blobs in
 * parallel into the content store (each verified by digest before it is committed), and
 * register them bottom first as soon as each one's parent is in place. The image appears
 * (config, tag, repo digest) only after every layer is registered, so an interrupted pull
 * leaves no image; finished blobs stay in the content store and are not fetched again.
 */
final class Puller {

    private static final int MAX_CONFIG = 8 * 1024 * 1024;
    private static final long PROGRESS_STEP = 512 * 1024;

    private final ContentStore content;
    private final LayerStore layers;
    private final ImageStore images;
    private final LayerBlobIndex index;
    private final int concurrency;

    Puller(ContentStore content, LayerStore layers, ImageStore images, LayerBlobIndex index, int concurrency) {
        this.content = content;
        this.layers = layers;
        this.images = images;
        this.index = index;
        this.concurrency = concurrency;
    }

    /**
     * What one reference's pull did.
     *
     * @param updated new layers came down or the reference now points elsewhere ("Downloaded newer image")
     */
    record Pulled(Image image, Digest digest, boolean updated) {
    }

    /** Pulls {@code ref} (a tag or a digest) through {@code client}; reports up to the {@code Digest:} line. */
    Pulled pull(RegistryClient client, ImageRef ref, PlatformSelector platform, Progress.Listener listener)
            throws IOException {
        Progress.Listener out = synchronizedListener(listener);
        String reference = ref.isDigested() ? ref.digest().toString() : ref.tag();
        ManifestResolver.Resolved resolved = ManifestResolver.resolve(client, reference, platform);
        // after the manifest, as moby: an unknown image fails before the first message (an HTTP error)
        out.on(Progress.of(reference, "Pulling from " + ref.path()));
        Manifests.Manifest manifest = resolved.manifest();
        byte[] config = fetchConfig(client, manifest.config());
        ImageConfig parsed = ImageConfig.parse(config);
        List<DiffId> diffIds = parsed.diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new InvalidArgumentException("invalid image: the manifest lists " + manifest.layers().size()
                    + " layers, the config " + diffIds.size());
        }
        ImageId id = ImageId.ofConfig(config);
        Optional<Image> before = ref.isDigested() ? Optional.empty() : images.find(ref.toString());
        boolean present = images.find(id.toString()).isPresent();
        List<ChainId> chain = ChainId.chain(diffIds);
        List<Digest> blobs = new ArrayList<>();
        if (!present || !chain.isEmpty() && !layers.exists(chain.getLast())) {
            fetchLayers(client, manifest.layers(), diffIds, chain, out);
        }
        for (Descriptor d : manifest.layers()) {
            blobs.add(d.parsedDigest());
        }
        Image image = images.create(new NewImage(config, null, blobs,
                ref.isDigested() ? List.of() : List.of(ref.toString())));
        images.addRepoDigest(image.id(), ref.withDigest(resolved.digest()));
        out.on(Progress.line("Digest: " + resolved.digest()));
        boolean upToDate = before.isPresent() && before.get().id().equals(image.id());
        return new Pulled(images.get(image.id().toString()), resolved.digest(), !upToDate);
    }

    /** dockerd's last line of a pull: {@code what} is the reference asked for (the repository for all tags). */
    static Progress status(String what, boolean updated) {
        return Progress.line((updated ? "Status: Downloaded newer image for " : "Status: Image is up to date for ")
                + what);
    }

    private byte[] fetchConfig(RegistryClient client, Descriptor d) throws IOException {
        Digest digest = d.parsedDigest();
        if (content.exists(digest)) {
            return content.read(digest);
        }
        HttpResponse<InputStream> res = client.expect(() -> HttpRequest.newBuilder(client.uri("blobs/" + digest)).GET(),
                "config blob " + digest);
        byte[] bytes;
        try (InputStream in = res.body()) {
            bytes = in.readNBytes(MAX_CONFIG + 1);
        }
        if (bytes.length > MAX_CONFIG || !Digest.sha256(bytes).equals(digest)) {
            throw new InvalidArgumentException("image config verification failed for digest " + digest);
        }
        return bytes;
    }

    private void fetchLayers(RegistryClient client, List<Descriptor> blobs, List<DiffId> diffIds,
            List<ChainId> chain, Progress.Listener out) throws IOException {
        List<Future<Digest>> downloads = new ArrayList<>();
        Semaphore slots = new Semaphore(concurrency);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < blobs.size(); i++) {
                Descriptor blob = blobs.get(i);
                String shortId = blob.parsedDigest().shortHex();
                if (layers.exists(chain.get(i))) {
                    out.on(Progress.of(shortId, "Already exists"));
                    downloads.add(null);
                    continue;
                }
                out.on(Progress.of(shortId, "Pulling fs layer"));
                downloads.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return download(client, blob, shortId, out);
                    } finally {
                        slots.release();
                    }
                }));
            }
            try {
                for (int i = 0; i < blobs.size(); i++) {
                    if (downloads.get(i) == null) {
                        continue;
                    }
                    Digest blob = await(downloads.get(i));
                    String shortId = blob.shortHex();
                    out.on(Progress.of(shortId, "Extracting"));
                    register(i == 0 ? null : chain.get(i - 1), blob, blobs.get(i), diffIds.get(i), client);
                    out.on(Progress.of(shortId, "Pull complete"));
                }
            } finally {
                downloads.stream().filter(f -> f != null).forEach(f -> f.cancel(true));
            }
        }
    }

    private void register(ChainId parent, Digest blob, Descriptor descriptor, DiffId expected, RegistryClient client)
            throws IOException {
        Layer layer;
        try (InputStream in = content.open(blob)) {
            layer = layers.register(parent, in);
        }
        if (!layer.diffId().equals(expected)) {
            throw new InvalidArgumentException("layer " + blob + " unpacks to diff ID " + layer.diffId()
                    + ", the image config says " + expected);
        }
        index.record(expected, descriptor, client.base().getAuthority() + "/" + client.repository());
    }

    /** Downloads one blob into the content store unless it is there already; verified before commit. */
    private Digest download(RegistryClient client, Descriptor blob, String shortId, Progress.Listener out)
            throws IOException {
        Digest digest = blob.parsedDigest();
        if (content.exists(digest)) {
            out.on(Progress.of(shortId, "Download complete"));
            return digest;
        }
        HttpResponse<InputStream> res = client.expect(() -> HttpRequest.newBuilder(client.uri("blobs/" + digest)).GET(),
                "blob " + digest);
        long total = blob.size() > 0 ? blob.size() : res.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = res.body(); ContentWriter w = content.writer()) {
            byte[] buf = new byte[64 * 1024];
            long done = 0;
            long reported = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                w.write(buf, 0, n);
                done += n;
                if (blob.size() > 0 && done > blob.size()) {
                    throw new InvalidArgumentException("blob " + digest + " is larger than the manifest says ("
                            + blob.size() + " bytes)");
                }
                if (done - reported >= PROGRESS_STEP) {
                    reported = done;
                    out.on(new Progress(shortId, "Downloading", done, total, null));
                }
            }
            out.on(new Progress(shortId, "Downloading", done, total, null));
            out.on(Progress.of(shortId, "Verifying Checksum"));
            try {
                w.commit(digest);
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException("filesystem layer verification failed for digest " + digest, e);
            }
        }
        out.on(Progress.of(shortId, "Download complete"));
        return digest;
    }

    private static Digest await(Future<Digest> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("pull interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new SystemException("download failed: " + c, c);
        }
    }

    private static Progress.Listener synchronizedListener(Progress.Listener l) {
        Object lock = new Object();
        return p -> {
            synchronized (lock) {
                l.on(p);
            }
        };
    }
}
