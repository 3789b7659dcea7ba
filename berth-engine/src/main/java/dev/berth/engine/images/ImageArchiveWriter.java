package dev.berth.engine.images;

import static dev.berth.engine.images.OciMediaTypes.ANNOTATION_IMAGE_NAME;
import static dev.berth.engine.images.OciMediaTypes.ANNOTATION_REF_NAME;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.images.LocalImageStore.Stored;
import dev.berth.engine.layers.ChainId;
import dev.berth.engine.layers.Layer;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * {@code docker save} in the format of docker 25+: an OCI image layout ({@code oci-layout},
 * {@code index.json}, {@code blobs/sha256/...} with uncompressed layers whose digests are
 * their diff IDs) plus the legacy {@code manifest.json} and {@code repositories}. Layers are
 * streamed from the layer store, rebuilt byte for byte, never held in memory.
 */
final class ImageArchiveWriter {

    private static final long FIXED_MTIME = 0L;

    private final LocalImageStore store;

    ImageArchiveWriter(LocalImageStore store) {
        this.store = store;
    }

    void write(List<String> names, OutputStream out) throws IOException {
        Map<ImageId, List<ImageRef>> selected = select(names);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        directory(tar, "blobs/");
        directory(tar, "blobs/sha256/");
        Set<Digest> written = new HashSet<>();
        List<Map<String, Object>> index = new ArrayList<>();
        List<Map<String, Object>> manifestJson = new ArrayList<>();
        Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
        for (Map.Entry<ImageId, List<ImageRef>> e : selected.entrySet()) {
            Stored image;
            synchronized (store.lock) {
                image = store.images.get(e.getKey());
            }
            blob(tar, written, image.id().digest(), image.raw());
            List<Map<String, Object>> layerDescriptors = new ArrayList<>();
            List<String> layerPaths = new ArrayList<>();
            for (ChainId chainId : image.chain()) {
                Layer layer = store.layers.get(chainId);
                Digest d = layer.diffId().digest();
                if (written.add(d)) {
                    TarArchiveEntry entry = fileEntry("blobs/sha256/" + d.hex(), layer.tarSize());
                    tar.putArchiveEntry(entry);
                    store.layers.writeTar(chainId, tar);
                    tar.closeArchiveEntry();
                }
                layerDescriptors.add(descriptor(OciMediaTypes.LAYER_TAR, d, layer.tarSize()));
                layerPaths.add("blobs/sha256/" + d.hex());
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", OciMediaTypes.MANIFEST);
            manifest.put("config", descriptor(OciMediaTypes.CONFIG, image.id().digest(), image.raw().length));
            manifest.put("layers", layerDescriptors);
            byte[] manifestBytes = Json.MAPPER.writeValueAsBytes(manifest);
            Digest manifestDigest = Digest.sha256(manifestBytes);
            blob(tar, written, manifestDigest, manifestBytes);

            List<String> repoTags = new ArrayList<>();
            for (ImageRef ref : e.getValue()) {
                Map<String, Object> d = descriptor(OciMediaTypes.MANIFEST, manifestDigest, manifestBytes.length);
                d.put("annotations", new java.util.TreeMap<>(Map.of(ANNOTATION_IMAGE_NAME, ref.toString(),
                        ANNOTATION_REF_NAME, ref.tag())));
                index.add(d);
                repoTags.add(ref.familiar());
                if (!layerPaths.isEmpty()) {
                    repositories.computeIfAbsent(ref.familiarName(), k -> new LinkedHashMap<>())
                            .put(ref.tag(), layerPaths.getLast().substring("blobs/sha256/".length()));
                }
            }
            if (e.getValue().isEmpty()) {
                index.add(descriptor(OciMediaTypes.MANIFEST, manifestDigest, manifestBytes.length));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Config", "blobs/sha256/" + image.id().digest().hex());
            m.put("RepoTags", repoTags.isEmpty() ? null : repoTags);
            m.put("Layers", layerPaths);
            manifestJson.add(m);
        }
        Map<String, Object> indexJson = new LinkedHashMap<>();
        indexJson.put("schemaVersion", 2);
        indexJson.put("mediaType", OciMediaTypes.INDEX);
        indexJson.put("manifests", index);
        small(tar, "index.json", Json.MAPPER.writeValueAsBytes(indexJson));
        small(tar, "manifest.json", Json.MAPPER.writeValueAsBytes(manifestJson));
        small(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!repositories.isEmpty()) {
            small(tar, "repositories", Json.MAPPER.writeValueAsBytes(repositories));
        }
        tar.finish();
        tar.flush();
    }

    /** Image IDs in the order named, each with the tags to record; a bare repository name means all its tags. */
    private Map<ImageId, List<ImageRef>> select(List<String> names) {
        Map<ImageId, List<ImageRef>> selected = new LinkedHashMap<>();
        synchronized (store.lock) {
            for (String name : names) {
                Stored image = store.resolve(name);
                if (image == null && ImageRef.isValid(name) && ImageRef.parseName(name).tag() == null
                        && !ImageRef.parseName(name).isDigested()) {
                    List<ImageRef> tags = store.refs.tagsInRepository(ImageRef.parseName(name).name());
                    if (tags.isEmpty()) {
                        throw LocalImageStore.notFound(name);
                    }
                    for (ImageRef t : tags) {
                        addTag(selected, store.refs.get(t), t);
                    }
                    continue;
                }
                if (image == null) {
                    throw LocalImageStore.notFound(name);
                }
                selected.computeIfAbsent(image.id(), k -> new ArrayList<>());
                if (!LocalImageStore.isIdName(name, image.id())) {
                    ImageRef ref = ImageRef.parse(name);
                    if (!ref.isDigested()) {
                        addTag(selected, image.id(), ref);
                    }
                }
            }
        }
        return selected;
    }

    private static void addTag(Map<ImageId, List<ImageRef>> selected, ImageId id, ImageRef ref) {
        List<ImageRef> tags = selected.computeIfAbsent(id, k -> new ArrayList<>());
        if (!tags.contains(ref)) {
            tags.add(ref);
        }
    }

    private static Map<String, Object> descriptor(String mediaType, Digest digest, long size) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", mediaType);
        d.put("digest", digest.toString());
        d.put("size", size);
        return d;
    }

    private static void blob(TarArchiveOutputStream tar, Set<Digest> written, Digest digest, byte[] bytes)
            throws IOException {
        if (written.add(digest)) {
            small(tar, "blobs/sha256/" + digest.hex(), bytes);
        }
    }

    private static void small(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        tar.putArchiveEntry(fileEntry(name, bytes.length));
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_DIR, true);
        e.setMode(0755);
        e.setModTime(FIXED_MTIME);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry fileEntry(String name, long size) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
        e.setMode(0644);
        e.setSize(size);
        e.setModTime(FIXED_MTIME);
        return e;
    }
}
