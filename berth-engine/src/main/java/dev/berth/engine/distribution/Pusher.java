package dev.berth.engine.distribution;

import dev.berth.engine.content.ContentStore;
import dev.berth.engine.content.ContentWriter;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.layers.ChainId;
import dev.berth.engine.layers.DiffId;
import dev.berth.engine.layers.LayerStore;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * One push: each layer as a gzip blob (compressed once, kept in the content store and
 * remembered by diff ID, so a second push sends identical bytes), skipped when the registry
 * has it (HEAD), mounted from another repository of the same registry when known there,
 * else uploaded ({@link BlobUpload}); the config; the manifest last. The caller prints
 * "The push refers to repository" once for all the tags it pushes.
 */
final class Pusher {

    private final ContentStore content;
    private final LayerStore layers;
    private final ImageStore images;
    private final LayerBlobIndex index;
    private final int concurrency;

    Pusher(ContentStore content, LayerStore layers, ImageStore images, LayerBlobIndex index, int concurrency) {
        this.content = content;
        this.layers = layers;
        this.images = images;
        this.index = index;
        this.concurrency = concurrency;
    }

    Progress.Result push(RegistryClient client, ImageRef ref, Progress.Listener listener) throws IOException {
        Object lock = new Object();
        Progress.Listener out = p -> {
            synchronized (lock) {
                listener.on(p);
            }
        };
        Image image = images.get(ref.toString());
        List<DiffId> diffIds = image.diffIds();
        List<ChainId> chain = image.chainIds();
        for (int i = diffIds.size() - 1; i >= 0; i--) {
            out.on(Progress.of(diffIds.get(i).digest().shortHex(), "Preparing"));
        }
        List<Future<Descriptor>> uploads = new ArrayList<>();
        Semaphore slots = new Semaphore(concurrency);
        List<Descriptor> blobs = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < diffIds.size(); i++) {
                DiffId diffId = diffIds.get(i);
                ChainId chainId = chain.get(i);
                uploads.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return pushLayer(client, ref, chainId, diffId, out);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<Descriptor> f : uploads) {
                blobs.add(await(f));
            }
        }
        Digest configDigest = image.id().digest();
        if (!client.hasBlob(configDigest)) {
            BlobUpload.upload(client, configDigest, image.rawConfig().length,
                    () -> new java.io.ByteArrayInputStream(image.rawConfig()), null);
        }
        boolean allGzip = blobs.stream().allMatch(b -> b.mediaType().equals(MediaTypes.DOCKER_LAYER_GZIP));
        Manifests.Manifest manifest = allGzip
                ? new Manifests.Manifest(2, MediaTypes.DOCKER_MANIFEST,
                        Descriptor.of(MediaTypes.DOCKER_CONFIG, image.rawConfig().length, configDigest), blobs)
                : new Manifests.Manifest(2, MediaTypes.OCI_MANIFEST,
                        Descriptor.of(MediaTypes.OCI_CONFIG, image.rawConfig().length, configDigest),
                        blobs.stream().map(Pusher::asOci).toList());
        byte[] bytes = Manifests.write(manifest);
        Digest digest = Digest.sha256(bytes);
        HttpResponse<InputStream> res = client.expect(() -> HttpRequest.newBuilder(client.uri("manifests/" + ref.tag()))
                .header("Content-Type", manifest.mediaType())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)), "manifest " + ref.tag());
        res.body().close();
        images.addRepoDigest(image.id(), ref.withDigest(digest));
        Progress.Result result = new Progress.Result(ref.tag(), digest.toString(), bytes.length);
        out.on(Progress.line(ref.tag() + ": digest: " + digest + " size: " + bytes.length));
        out.on(new Progress(null, null, -1, -1, result));
        return result;
    }

    private Descriptor pushLayer(RegistryClient client, ImageRef ref, ChainId chainId, DiffId diffId,
            Progress.Listener out) throws IOException {
        String shortId = diffId.digest().shortHex();
        if (known(diffId).isEmpty()) {
            // never compressed: gzip it straight into the upload (and the content store), as dockerd
            // streams, instead of compressing, storing and reading it back
            out.on(Progress.of(shortId, "Pushing"));
            Optional<Descriptor> sent = BlobUpload.stream(client, o -> compress(chainId, diffId, o),
                    (done, total) -> out.on(new Progress(shortId, "Pushing", done, total, null)));
            if (sent.isPresent()) {
                out.on(Progress.of(shortId, "Pushed"));
                index.record(diffId, sent.get(), client.base().getAuthority() + "/" + client.repository());
                return sent.get();
            }
        }
        Descriptor blob = compressed(chainId, diffId);
        Digest digest = blob.parsedDigest();
        if (client.hasBlob(digest)) {
            out.on(Progress.of(shortId, "Layer already exists"));
            index.record(diffId, blob, client.base().getAuthority() + "/" + client.repository());
            return blob;
        }
        String here = client.base().getAuthority() + "/";
        Optional<String> from = index.repositories(diffId).stream()
                .filter(r -> r.startsWith(here) && !r.equals(here + client.repository()))
                .map(r -> r.substring(here.length())).findFirst();
        if (from.isPresent() && mount(client, digest, from.get())) {
            out.on(Progress.of(shortId, "Mounted from " + from.get()));
        } else {
            out.on(Progress.of(shortId, "Pushing"));
            BlobUpload.upload(client, digest, blob.size(), () -> content.open(digest), (done, total) ->
                    out.on(new Progress(shortId, "Pushing", done, total, null)));
            out.on(Progress.of(shortId, "Pushed"));
        }
        index.record(diffId, blob, client.base().getAuthority() + "/" + client.repository());
        return blob;
    }

    /** The blob recorded for {@code diffId} when it is still in the store. */
    private Optional<Descriptor> known(DiffId diffId) throws IOException {
        Optional<Descriptor> known = index.find(diffId);
        return known.isPresent() && content.exists(known.get().parsedDigest()) ? known : Optional.empty();
    }

    /** The layer's compressed blob: the one recorded for its diff ID when still in the store, else gzip it now. */
    private Descriptor compressed(ChainId chainId, DiffId diffId) throws IOException {
        Optional<Descriptor> known = known(diffId);
        if (known.isPresent()) {
            Descriptor k = known.get();
            // a pulled OCI gzip layer is the same bytes under Docker's name for them
            return MediaTypes.OCI_LAYER_GZIP.equals(k.mediaType())
                    ? Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, k.size(), k.parsedDigest()) : k;
        }
        return compress(chainId, diffId, OutputStream.nullOutputStream());
    }

    /** Gzips the layer into the content store and {@code copy}, records it for its diff ID; its descriptor. */
    private Descriptor compress(ChainId chainId, DiffId diffId, OutputStream copy) throws IOException {
        Descriptor d;
        try (ContentWriter w = content.writer()) {
            OutputStream both = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    w.write(b);
                    copy.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    w.write(b, off, len);
                    copy.write(b, off, len);
                }
            };
            LayerGzip gz = new LayerGzip(both);
            layers.writeTar(chainId, gz);
            gz.finish();
            long size = w.size();
            Digest digest = w.commit(null);
            d = Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, size, digest);
        }
        index.record(diffId, d, null);
        return d;
    }

    private static boolean mount(RegistryClient client, Digest digest, String from) throws IOException {
        HttpResponse<InputStream> res = client.send(() -> HttpRequest.newBuilder(client.uri("blobs/uploads/?mount="
                + RegistryClient.enc(digest.toString()) + "&from=" + RegistryClient.enc(from)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        res.body().close();
        return res.statusCode() == 201;
    }

    private static Descriptor asOci(Descriptor d) {
        String type = switch (d.mediaType()) {
            case MediaTypes.DOCKER_LAYER_GZIP -> MediaTypes.OCI_LAYER_GZIP;
            default -> d.mediaType();
        };
        return new Descriptor(type, d.size(), d.digest(), null, null, null);
    }

    private static Descriptor await(Future<Descriptor> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("push interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new SystemException("upload failed: " + e.getCause(), e.getCause());
        }
    }
}
