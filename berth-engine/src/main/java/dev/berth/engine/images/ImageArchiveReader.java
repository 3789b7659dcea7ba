package dev.berth.engine.images;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.archive.TarExtractor;
import dev.berth.engine.archive.Trees;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.layers.ChainId;
import dev.berth.engine.layers.DiffId;
import dev.berth.engine.layers.Layer;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code docker load}: a docker-archive ({@code manifest.json}, with layers at
 * {@code <id>/layer.tar} in the legacy layout or {@code blobs/sha256/...} in docker 25+'s)
 * or a plain OCI image layout ({@code index.json}). The archive is unpacked safely into a
 * temporary directory first (its parts come in any order); every layer's diff ID is checked
 * against the config, and in an OCI layout every blob against its descriptor's digest.
 */
final class ImageArchiveReader {

    record ManifestEntry(@JsonProperty("Config") String config, @JsonProperty("RepoTags") List<String> repoTags,
                         @JsonProperty("Layers") List<String> layers) {
    }

    private final LocalImageStore store;

    ImageArchiveReader(LocalImageStore store) {
        this.store = store;
    }

    List<LoadedImage> read(InputStream in) throws IOException {
        Path tmp = store.tmpDir().resolve("load-" + UUID.randomUUID());
        Files.createDirectories(tmp);
        try {
            TarExtractor.extract(in, tmp);
            if (Files.isRegularFile(tmp.resolve("manifest.json"))) {
                return dockerArchive(tmp);
            }
            if (Files.isRegularFile(tmp.resolve("index.json"))) {
                return ociLayout(tmp);
            }
            throw new InvalidArgumentException("invalid image archive: it has neither manifest.json nor index.json");
        } finally {
            Trees.deleteRecursively(tmp);
        }
    }

    private List<LoadedImage> dockerArchive(Path root) throws IOException {
        List<ManifestEntry> entries = Json.MAPPER.readValue(inside(root, "manifest.json").toFile(),
                new TypeReference<List<ManifestEntry>>() { });
        List<LoadedImage> loaded = new ArrayList<>();
        for (ManifestEntry e : entries) {
            if (e.config() == null) {
                throw new InvalidArgumentException("invalid manifest.json: an entry has no Config");
            }
            byte[] config = Files.readAllBytes(inside(root, e.config()));
            List<String> layers = e.layers() == null ? List.of() : e.layers();
            List<LayerSource> sources = new ArrayList<>();
            for (String l : layers) {
                sources.add(new LayerSource(inside(root, l), null));
            }
            List<String> tags = e.repoTags() == null ? List.of() : e.repoTags();
            loaded.add(store(config, sources, tags));
        }
        return loaded;
    }

    private List<LoadedImage> ociLayout(Path root) throws IOException {
        JsonNode index = Json.MAPPER.readTree(inside(root, "index.json").toFile());
        List<LoadedImage> loaded = new ArrayList<>();
        for (JsonNode d : index.path("manifests")) {
            String name = d.path("annotations").path(OciMediaTypes.ANNOTATION_IMAGE_NAME).asText(null);
            if (name == null) {
                String refName = d.path("annotations").path(OciMediaTypes.ANNOTATION_REF_NAME).asText(null);
                if (refName != null && (refName.contains(":") || refName.contains("/")) && ImageRef.isValid(refName)) {
                    name = refName;
                }
            }
            loaded.add(descriptor(root, d, name));
        }
        return loaded;
    }

    private LoadedImage descriptor(Path root, JsonNode d, String name) throws IOException {
        String mediaType = d.path("mediaType").asText("");
        JsonNode doc = Json.MAPPER.readTree(blob(root, d));
        if (mediaType.equals(OciMediaTypes.INDEX) || mediaType.equals(OciMediaTypes.DOCKER_MANIFEST_LIST)
                || doc.has("manifests")) {
            JsonNode chosen = null;
            for (JsonNode m : doc.path("manifests")) {
                JsonNode p = m.path("platform");
                boolean matches = p.path("os").asText("linux").equals("linux")
                        && p.path("architecture").asText(Platform.architecture()).equals(Platform.architecture());
                if (matches && chosen == null) {
                    chosen = m;
                }
            }
            if (chosen == null) {
                throw new InvalidArgumentException("image index has no manifest for linux/" + Platform.architecture());
            }
            return descriptor(root, chosen, name);
        }
        byte[] config = blob(root, doc.path("config"));
        List<LayerSource> sources = new ArrayList<>();
        for (JsonNode l : doc.path("layers")) {
            Digest digest = parseDigest(l.path("digest").asText());
            sources.add(new LayerSource(inside(root, "blobs/sha256/" + digest.hex()), digest));
        }
        return store(config, sources, name == null ? List.of() : List.of(name));
    }

    private record LayerSource(Path path, Digest blobDigest) {
    }

    private LoadedImage store(byte[] config, List<LayerSource> sources, List<String> tags) throws IOException {
        for (String t : tags) {
            ImageRef.parse(t);
        }
        List<DiffId> diffIds = ImageConfig.parse(config).diffIds();
        if (diffIds.size() != sources.size()) {
            throw new InvalidArgumentException("invalid image archive: the config lists " + diffIds.size()
                    + " layers, the manifest " + sources.size());
        }
        ChainId parent = null;
        for (int i = 0; i < diffIds.size(); i++) {
            ChainId chainId = ChainId.of(parent, diffIds.get(i));
            if (!store.layers.exists(chainId)) {
                register(parent, sources.get(i), diffIds.get(i));
            }
            parent = chainId;
        }
        Image image = store.create(new NewImage(config, null, List.of(), tags));
        return new LoadedImage(image.id(), tags.stream().map(t -> ImageRef.parse(t).familiar()).toList());
    }

    private void register(ChainId parent, LayerSource source, DiffId expected) throws IOException {
        DigestInputStream in = new DigestInputStream(Files.newInputStream(source.path()), Digest.newSha256());
        try (in) {
            Layer layer = store.layers.register(parent, in);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            if (source.blobDigest() != null && !Digest.of(in.getMessageDigest()).equals(source.blobDigest())) {
                throw new InvalidArgumentException("layer blob " + source.blobDigest() + " does not match its digest");
            }
            if (!layer.diffId().equals(expected)) {
                throw new InvalidArgumentException("layer diff ID mismatch: the config says " + expected
                        + ", the content is " + layer.diffId());
            }
        }
    }

    private static byte[] blob(Path root, JsonNode descriptor) throws IOException {
        Digest digest = parseDigest(descriptor.path("digest").asText());
        byte[] bytes = Files.readAllBytes(inside(root, "blobs/sha256/" + digest.hex()));
        if (!Digest.sha256(bytes).equals(digest)) {
            throw new InvalidArgumentException("blob " + digest + " does not match its digest");
        }
        return bytes;
    }

    private static Digest parseDigest(String text) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid digest in image archive: " + text, e);
        }
    }

    /** A path named by the archive, refused unless it (and any link on the way) stays inside it. */
    private static Path inside(Path root, String relative) throws IOException {
        try {
            Path real = root.resolve(relative).toRealPath();
            if (!real.startsWith(root.toRealPath()) || !Files.isRegularFile(real)) {
                throw new InvalidArgumentException("invalid image archive: " + relative + " is not a file inside it");
            }
            return real;
        } catch (NoSuchFileException e) {
            throw new InvalidArgumentException("invalid image archive: " + relative + " is missing", e);
        }
    }
}
