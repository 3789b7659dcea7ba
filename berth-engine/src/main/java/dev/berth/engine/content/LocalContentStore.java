package dev.berth.engine.content;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * The content store on local disk: {@code <root>/blobs/sha256/<hex>}, with writes staged in
 * {@code <root>/ingest}. Start-up clears the ingest directory: whatever is there was never
 * committed.
 */
public final class LocalContentStore implements ContentStore {

    private final Path blobs;
    private final Path ingest;

    /** {@code root} is the data root's {@code content} directory. */
    public LocalContentStore(Path root) throws IOException {
        this.blobs = root.resolve("blobs").resolve("sha256");
        this.ingest = root.resolve("ingest");
        Files.createDirectories(blobs);
        Files.createDirectories(ingest);
        try (var leftovers = Files.newDirectoryStream(ingest)) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public ContentWriter writer() throws IOException {
        Path staged = ingest.resolve(UUID.randomUUID().toString());
        return new LocalWriter(staged, Files.newOutputStream(staged, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
    }

    @Override
    public InputStream open(Digest digest) throws IOException {
        try {
            return Files.newInputStream(path(digest));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("content " + digest + ": not found", e);
        }
    }

    @Override
    public boolean exists(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    @Override
    public long size(Digest digest) throws IOException {
        try {
            return Files.size(path(digest));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("content " + digest + ": not found", e);
        }
    }

    @Override
    public boolean delete(Digest digest) throws IOException {
        return AtomicFiles.delete(path(digest));
    }

    @Override
    public Path path(Digest digest) {
        return blobs.resolve(digest.hex());
    }

    private final class LocalWriter extends ContentWriter {
        private final Path staged;
        private final OutputStream out;
        private final MessageDigest sha = Digest.newSha256();
        private long size;
        private boolean done;

        LocalWriter(Path staged, OutputStream out) {
            this.staged = staged;
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sha.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sha.update(b, off, len);
            size += len;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public Digest commit(Digest expected) throws IOException {
            if (done) {
                throw new IllegalStateException("writer already committed or closed");
            }
            done = true;
            try {
                out.flush();
                out.close();
                Digest actual = Digest.of(sha);
                if (expected != null && !expected.equals(actual)) {
                    throw new InvalidArgumentException("digest mismatch: expected " + expected
                            + ", got " + actual);
                }
                Path target = path(actual);
                if (!Files.exists(target)) {
                    try (var ch = java.nio.channels.FileChannel.open(staged, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    try {
                        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileAlreadyExistsException raced) {
                        // another writer committed the same bytes first: that is success
                    }
                    AtomicFiles.fsyncDirectory(blobs);
                }
                return actual;
            } finally {
                Files.deleteIfExists(staged);
            }
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(staged);
                }
            }
        }
    }
}
