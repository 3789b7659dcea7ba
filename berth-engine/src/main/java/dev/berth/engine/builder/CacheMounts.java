package dev.berth.engine.builder;

import dev.berth.engine.builder.dockerfile.RunMount.Sharing;
import dev.berth.engine.containers.DiskUsage;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.metadata.AtomicFiles;
import dev.berth.engine.volumes.CopyUp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * The directories behind {@code RUN --mount=type=cache}: one per cache ID, kept across builds
 * under {@code <data-root>/builder/mounts/<sha256 of the id>/} ({@code data/} is what the step
 * sees, {@code id} names it), never part of a layer or a cache key. A step {@link #acquire}s a
 * cache for as long as it runs: {@code shared} lets every step in at once, {@code locked} one at
 * a time (the others wait), {@code private} gives a step that finds it in use a fresh directory
 * of its own, deleted afterwards. {@link #prune} deletes every cache no step holds, as
 * {@code docker builder prune} deletes BuildKit's cache mounts. Thread-safe; one instance per
 * data root.
 */
public final class CacheMounts {

    /** A cache directory a step holds; closing releases it (and deletes a private one). */
    public interface Lease extends AutoCloseable {
        Path dir();

        @Override
        void close() throws IOException;
    }

    /** How a new cache starts: its root's mode and owner, and a tree to copy in (null: empty). */
    record Seed(int mode, int uid, int gid, Path from) {
    }

    /** A cache as {@code system df} and prune report it. */
    public record Entry(String id, long size, Instant lastUsed) {
    }

    private static final String NEW = ".new-";
    private static final String PRIVATE = ".private-";

    private final Path root;
    private final Map<String, Use> uses = new HashMap<>(); // guarded by this

    /** Who holds one cache: the number of steps, and the lock {@code locked} steps take. */
    private static final class Use {
        int holders;
        final Semaphore lock = new Semaphore(1, true); // released by whichever thread ends the step
    }

    public CacheMounts(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.toList()) { // half-made caches and private copies of a previous run
                String name = p.getFileName().toString();
                if (name.startsWith(NEW) || name.startsWith(PRIVATE)) {
                    Trees.delete(p);
                }
            }
        }
    }

    /** Holds the cache {@code id}, made from {@code seed} if it does not exist; waits while a {@code locked} one is held. */
    Lease acquire(String id, Sharing sharing, Seed seed) throws IOException, InterruptedException {
        Use use;
        boolean busy;
        synchronized (this) {
            use = uses.computeIfAbsent(id, k -> new Use());
            busy = use.holders > 0;
            use.holders++;
        }
        boolean locked = false;
        try {
            if (sharing == Sharing.PRIVATE && busy) {
                Path dir = root.resolve(PRIVATE + UUID.randomUUID());
                create(dir, seed);
                return lease(id, use, false, dir.resolve("data"), dir);
            }
            if (sharing == Sharing.LOCKED) {
                use.lock.acquire();
                locked = true;
            }
            Path dir = root.resolve(Digest.sha256(id).hex());
            synchronized (use) { // two first users of one id must not both create it
                if (!Files.isDirectory(dir)) {
                    Path fresh = root.resolve(NEW + UUID.randomUUID());
                    create(fresh, seed);
                    AtomicFiles.write(fresh.resolve("id"), id.getBytes(StandardCharsets.UTF_8));
                    Files.move(fresh, dir);
                    AtomicFiles.fsyncDirectory(root);
                }
            }
            Files.setLastModifiedTime(dir.resolve("id"), FileTime.from(Instant.now()));
            return lease(id, use, locked, dir.resolve("data"), null);
        } catch (IOException | InterruptedException | RuntimeException e) {
            release(id, use, locked);
            throw e;
        }
    }

    private Lease lease(String id, Use use, boolean locked, Path data, Path discard) {
        return new Lease() {
            private boolean closed;

            @Override
            public Path dir() {
                return data;
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    if (discard != null) {
                        Trees.delete(discard);
                    }
                } finally {
                    release(id, use, locked);
                }
            }
        };
    }

    private void release(String id, Use use, boolean locked) {
        if (locked) {
            use.lock.release();
        }
        synchronized (this) {
            if (--use.holders == 0) {
                uses.remove(id);
            }
        }
    }

    private static void create(Path dir, Seed seed) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        if (seed.from() != null && Files.isDirectory(seed.from())) {
            CopyUp.copyTree(seed.from(), data);
        }
        Files.setAttribute(data, "unix:uid", seed.uid());
        Files.setAttribute(data, "unix:gid", seed.gid());
        Files.setAttribute(data, "unix:mode", seed.mode());
    }

    /** Every cache, with the bytes its files hold. */
    public List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path dir : entries.sorted().toList()) {
                Path idFile = dir.resolve("id");
                if (dir.getFileName().toString().startsWith(".") || !Files.isRegularFile(idFile)) {
                    continue;
                }
                out.add(new Entry(Files.readString(idFile, StandardCharsets.UTF_8),
                        DiskUsage.of(dir.resolve("data")), Files.getLastModifiedTime(idFile).toInstant()));
            }
        }
        return out;
    }

    /** Deletes every cache no step holds now; returns what went. */
    public List<Entry> prune() throws IOException {
        List<Entry> pruned = new ArrayList<>();
        for (Entry e : list()) {
            Path doomed = root.resolve(PRIVATE + UUID.randomUUID());
            synchronized (this) { // a step cannot take it meanwhile: acquire registers under this lock first
                if (uses.containsKey(e.id())) {
                    continue;
                }
                Files.move(root.resolve(Digest.sha256(e.id()).hex()), doomed);
            }
            pruned.add(e);
            Trees.delete(doomed);
        }
        return pruned;
    }
}
