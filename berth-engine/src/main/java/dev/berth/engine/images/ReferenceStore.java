package dev.berth.engine.images;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.engine.metadata.AtomicFiles;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * References (full form, {@code docker.io/library/busybox:latest}) to image IDs, kept in one
 * JSON file rewritten atomically on every change. Not thread-safe: the image store holds its
 * lock around every call.
 */
final class ReferenceStore {

    record FileFormat(@JsonProperty("references") Map<String, String> references) {
    }

    private final Path file;
    private final TreeMap<String, ImageId> refs = new TreeMap<>();

    ReferenceStore(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            FileFormat f = Json.MAPPER.readValue(file.toFile(), FileFormat.class);
            if (f.references() != null) {
                f.references().forEach((ref, id) -> refs.put(ref, ImageId.parse(id)));
            }
        }
    }

    ImageId get(ImageRef ref) {
        return refs.get(ref.toString());
    }

    void put(ImageRef ref, ImageId id) throws IOException {
        if (!id.equals(refs.put(ref.toString(), id))) {
            persist();
        }
    }

    boolean remove(ImageRef ref) throws IOException {
        boolean removed = refs.remove(ref.toString()) != null;
        if (removed) {
            persist();
        }
        return removed;
    }

    /** The references to {@code id}, in name order. */
    List<ImageRef> referencesTo(ImageId id) {
        List<ImageRef> out = new ArrayList<>();
        refs.forEach((ref, target) -> {
            if (target.equals(id)) {
                out.add(ImageRef.parseName(ref));
            }
        });
        return out;
    }

    /** The tag references in repository {@code name} ({@code docker.io/library/busybox}). */
    List<ImageRef> tagsInRepository(String name) {
        List<ImageRef> out = new ArrayList<>();
        refs.keySet().forEach(ref -> {
            ImageRef r = ImageRef.parseName(ref);
            if (!r.isDigested() && r.name().equals(name)) {
                out.add(r);
            }
        });
        return out;
    }

    private void persist() throws IOException {
        Map<String, String> out = new TreeMap<>();
        refs.forEach((ref, id) -> out.put(ref, id.toString()));
        AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(new FileFormat(out)));
    }
}
