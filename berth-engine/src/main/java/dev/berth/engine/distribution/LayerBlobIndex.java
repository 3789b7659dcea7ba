package dev.berth.engine.distribution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.engine.layers.DiffId;
import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which compressed blob holds a layer: diff ID → the blob's descriptor and the repositories
 * it is known to be in (for cross-repository mounts). Recorded when a layer is pulled or
 * first compressed for a push, so a second push sends the very same bytes. One small JSON
 * file per diff ID under {@code <data-root>/distribution/layers}, written atomically.
 */
public final class LayerBlobIndex {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonProperty("mediaType") String mediaType, @JsonProperty("digest") String digest,
                 @JsonProperty("size") long size, @JsonProperty("repositories") Set<String> repositories) {
    }

    private final Path dir;

    public LayerBlobIndex(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        AtomicFiles.removeLeftovers(dir);
    }

    /** The blob recorded for {@code diffId}. */
    public synchronized Optional<Descriptor> find(DiffId diffId) throws IOException {
        return read(diffId).map(e -> new Descriptor(e.mediaType(), e.size(), e.digest(), null, null, null));
    }

    /** Repositories ({@code domain/path}) known to hold the layer's blob. */
    public synchronized Set<String> repositories(DiffId diffId) throws IOException {
        return read(diffId).map(Entry::repositories).orElse(Set.of());
    }

    /** Records that {@code blob} holds {@code diffId}, and that {@code repository} (may be null) has it. */
    public synchronized void record(DiffId diffId, Descriptor blob, String repository) throws IOException {
        Set<String> repos = new TreeSet<>();
        Optional<Entry> old = read(diffId);
        if (old.isPresent() && old.get().digest().equals(blob.digest()) && old.get().repositories() != null) {
            repos.addAll(old.get().repositories());
        }
        if (repository != null && !repos.add(repository) && old.isPresent()) {
            return; // nothing new
        }
        Entry e = new Entry(blob.mediaType(), blob.digest(), blob.size(), repos);
        AtomicFiles.write(file(diffId), Manifests.JSON.writeValueAsBytes(e));
    }

    /** Every diff ID with a recorded blob. */
    public synchronized java.util.List<DiffId> diffIds() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> DiffId.parse("sha256:" + n.substring(0, n.length() - ".json".length()))).toList();
        }
    }

    /** Forgets {@code diffId}'s blob. */
    public synchronized void forget(DiffId diffId) throws IOException {
        AtomicFiles.delete(file(diffId));
    }

    private Optional<Entry> read(DiffId diffId) throws IOException {
        try {
            return Optional.of(Manifests.JSON.readValue(Files.readAllBytes(file(diffId)), Entry.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path file(DiffId diffId) {
        return dir.resolve(diffId.digest().hex() + ".json");
    }
}
