package dev.berth.engine.distribution;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.SystemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One blob upload session ({@code POST /v2/<name>/blobs/uploads/}), finished monolithically
 * (one {@code PUT ?digest=} with the whole body) unless the registry asks for chunks with
 * {@code OCI-Chunk-Min-Length}: then {@code PATCH}es of at least that size with
 * {@code Content-Range}, each to the {@code Location} the last answer named, and an empty
 * closing {@code PUT ?digest=}. The registry verifies the digest when the session closes.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-a-blob-in-chunks">chunked upload</a>
 */
final class BlobUpload {

    /** Opens the blob's bytes (again, for a retry). */
    interface Opener {
        InputStream open() throws IOException;
    }

    /** Receives the bytes sent so far. */
    interface Counter {
        void progress(long done, long total);
    }

    /** Chunks are at least this large even when the registry's minimum is smaller: fewer round trips. */
    static final long DEFAULT_CHUNK = 8L * 1024 * 1024;
    static final String MIN_CHUNK_HEADER = "OCI-Chunk-Min-Length";

    private BlobUpload() {
    }

    static void upload(RegistryClient client, Digest digest, long size, Opener body, Counter counter)
            throws IOException {
        HttpResponse<InputStream> start = client.expect(() -> HttpRequest.newBuilder(client.uri("blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()), "blob upload " + digest);
        start.body().close();
        URI session = location(client, start);
        long minChunk = start.headers().firstValueAsLong(MIN_CHUNK_HEADER).orElse(0);
        if (minChunk > 0 && size > minChunk) {
            session = sendChunks(client, session, digest, size, body, counter, Math.max(minChunk, DEFAULT_CHUNK));
            URI close = withDigest(session, digest);
            client.expect(() -> HttpRequest.newBuilder(close).header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.noBody()), "blob upload " + digest).body().close();
            return;
        }
        URI put = withDigest(session, digest);
        client.expect(() -> HttpRequest.newBuilder(put).header("Content-Type", "application/octet-stream")
                .PUT(publisher(body, 0, size, counter, size)), "blob upload " + digest).body().close();
    }

    /** Writes a blob whose digest is known only once it is written; returns its descriptor then. */
    interface Producer {
        Descriptor writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Uploads a blob while {@code producer} makes it, as dockerd does for a layer it compresses:
     * POST, one PATCH whose body (chunked transfer) is the bytes as they come, then
     * {@code PUT ?digest=} with the digest the producer reports. Empty when the registry asks
     * for sized chunks (the caller then makes the blob first and uses {@link #upload}).
     */
    static java.util.Optional<Descriptor> stream(RegistryClient client, Producer producer, Counter counter)
            throws IOException {
        HttpResponse<InputStream> start = client.expect(() -> HttpRequest.newBuilder(client.uri("blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()), "blob upload");
        start.body().close();
        if (start.headers().firstValueAsLong(MIN_CHUNK_HEADER).orElse(0) > 0) {
            return java.util.Optional.empty();
        }
        URI session = location(client, start);
        BlobPipe pipe = new BlobPipe();
        java.util.concurrent.CompletableFuture<Descriptor> made = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().name("blob-producer").start(() -> {
            try {
                Descriptor d = producer.writeTo(pipe.output());
                pipe.output().close(); // only now: a failure must not look like the end of the blob
                made.complete(d);
            } catch (IOException | RuntimeException e) {
                made.completeExceptionally(e);
                pipe.fail(e instanceof IOException io ? io : new IOException(e));
            }
        });
        HttpResponse<InputStream> patch;
        try (InputStream body = counting(pipe.input(), 0, -1, counter)) {
            patch = client.expect(() -> HttpRequest.newBuilder(session)
                    .header("Content-Type", "application/octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> body)), "blob upload");
            patch.body().close();
        }
        Descriptor blob;
        try {
            blob = made.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        URI close = withDigest(location(client, patch), blob.parsedDigest());
        client.expect(() -> HttpRequest.newBuilder(close).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.noBody()), "blob upload " + blob.digest()).body().close();
        return java.util.Optional.of(blob);
    }

    /** PATCHes {@code [0, size)} in chunks of {@code chunk} bytes; the session URL to close. */
    private static URI sendChunks(RegistryClient client, URI session, Digest digest, long size, Opener body,
            Counter counter, long chunk) throws IOException {
        URI at = session;
        for (long offset = 0; offset < size; offset += chunk) {
            long from = offset;
            long length = Math.min(chunk, size - offset);
            URI target = at;
            HttpResponse<InputStream> res = client.expect(() -> HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Range", from + "-" + (from + length - 1))
                    .method("PATCH", publisher(body, from, length, counter, size)), "blob upload " + digest);
            res.body().close();
            at = location(client, res);
        }
        return at;
    }

    private static URI location(RegistryClient client, HttpResponse<InputStream> res) {
        String location = res.headers().firstValue("Location")
                .orElseThrow(() -> new SystemException("blob upload: the registry gave no Location"));
        return client.location(location);
    }

    private static URI withDigest(URI session, Digest digest) {
        return URI.create(session + (session.getRawQuery() == null ? "?" : "&") + "digest="
                + RegistryClient.enc(digest.toString()));
    }

    /** {@code length} bytes of the blob from {@code from}, counted towards {@code total}. */
    private static HttpRequest.BodyPublisher publisher(Opener body, long from, long length, Counter counter,
            long total) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                InputStream in = body.open();
                in.skipNBytes(from);
                return counting(new BoundedStream(in, length), from, total, counter);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), length);
    }

    private static InputStream counting(InputStream in, long start, long total, Counter counter) {
        if (counter == null) {
            return in;
        }
        return new FilterInputStream(in) {
            private long done = start;
            private long reported = start;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    done += n;
                    if (done - reported >= 512 * 1024 || done == total) {
                        reported = done;
                        counter.progress(done, total);
                    }
                }
                return n;
            }
        };
    }

    /** At most {@code remaining} bytes of {@code in}. */
    private static final class BoundedStream extends FilterInputStream {
        private long remaining;

        BoundedStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
