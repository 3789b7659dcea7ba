package dev.berth.engine.builder;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.images.ImageId;
import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The build cache: a step's key (the digest of its parent image, its instruction with
 * resolved arguments and the content it reads) to the image the step made. One small file
 * per key under {@code <data-root>/builder/cache}, written atomically; an entry whose image
 * is gone is a miss (the caller checks).
 */
public final class BuildCache {

    private final Path dir;

    public BuildCache(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        AtomicFiles.removeLeftovers(dir);
    }

    /** The key of a step: parent image (null for scratch), instruction text and content digest (may be empty). */
    public static Digest key(ImageId parent, String instruction, String content) {
        return Digest.sha256((parent == null ? "scratch" : parent.toString()) + "\n" + instruction + "\n" + content);
    }

    public Optional<ImageId> find(Digest key) throws IOException {
        try {
            String text = Files.readString(dir.resolve(key.hex()), StandardCharsets.UTF_8).strip();
            return Optional.of(ImageId.parse(text));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void put(Digest key, ImageId image) throws IOException {
        AtomicFiles.write(dir.resolve(key.hex()), image.toString().getBytes(StandardCharsets.UTF_8));
    }
}
