package dev.berth.engine.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.engine.archive.Trees;
import dev.berth.engine.content.ContentStore;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.layers.ChainId;
import dev.berth.engine.layers.DiffId;
import dev.berth.engine.layers.Layer;
import dev.berth.engine.layers.LayerStore;
import dev.berth.engine.metadata.AtomicFiles;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The image store on local disk: configs in the content store, references in
 * {@code <images>/repositories.json}, per-image metadata in {@code <images>/<id-hex>.json}
 * (written last when storing, removed first when deleting: it is what makes an image exist).
 * State is held in memory and every change goes through one lock.
 */
public final class LocalImageStore implements ImageStore {

    private static final Pattern FULL_ID = Pattern.compile("(sha256:)?[0-9a-f]{64}");
    private static final Pattern ID_PREFIX = Pattern.compile("(sha256:)?[0-9a-f]{1,63}");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageMeta(String parent, List<String> layerBlobs) {
    }

    /** An image as held in memory. */
    record Stored(ImageId id, byte[] raw, ImageConfig config, ImageMeta meta) {
        List<ChainId> chain() {
            return ChainId.chain(config.diffIds());
        }
    }

    final Object lock = new Object();
    final Path dir;
    final ContentStore content;
    final LayerStore layers;
    final Predicate<ImageId> inUse;
    final ReferenceStore refs;
    final Map<ImageId, Stored> images = new HashMap<>();
    private final Map<ChainId, Long> layerSizes = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<RemovalHook> removalHooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs after an image left the store: whoever keeps data for its layers (compressed blobs) may drop it. */
    @FunctionalInterface
    public interface RemovalHook {
        void afterRemoval() throws IOException;
    }

    /**
     * @param imagesDir the data root's {@code images} directory
     * @param inUse     whether a container uses an image (asked before removing it)
     */
    public LocalImageStore(Path imagesDir, ContentStore content, LayerStore layers, Predicate<ImageId> inUse)
            throws IOException {
        this.dir = imagesDir;
        this.content = content;
        this.layers = layers;
        this.inUse = inUse;
        Files.createDirectories(imagesDir);
        AtomicFiles.removeLeftovers(imagesDir);
        Trees.deleteRecursively(tmpDir());
        Files.createDirectories(tmpDir());
        this.refs = new ReferenceStore(imagesDir.resolve("repositories.json"));
        try (var metas = Files.newDirectoryStream(imagesDir, "*.json")) {
            for (Path p : metas) {
                String name = p.getFileName().toString();
                String hex = name.substring(0, name.length() - ".json".length());
                if (!hex.matches("[0-9a-f]{64}")) {
                    continue;
                }
                ImageId id = new ImageId(new Digest("sha256", hex));
                ImageMeta meta = Json.MAPPER.readValue(p.toFile(), ImageMeta.class);
                byte[] raw = content.read(id.digest());
                images.put(id, new Stored(id, raw, ImageConfig.parse(raw), meta));
            }
        }
    }

    @Override
    public Image get(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> notFound(nameOrId));
    }

    @Override
    public Optional<Image> find(String nameOrId) {
        synchronized (lock) {
            return Optional.ofNullable(resolve(nameOrId)).map(this::toImage);
        }
    }

    @Override
    public List<Image> list() {
        synchronized (lock) {
            return images.values().stream().map(this::toImage)
                    .sorted(Comparator.comparing(Image::created).reversed().thenComparing(i -> i.id().toString()))
                    .toList();
        }
    }

    @Override
    public void tag(String source, String target) throws IOException {
        ImageRef ref = ImageRef.parse(target);
        if (ref.isDigested()) {
            throw new InvalidArgumentException("refusing to create a tag with a digest reference");
        }
        synchronized (lock) {
            Stored image = resolve(source);
            if (image == null) {
                throw notFound(source);
            }
            refs.put(ref, image.id());
        }
    }

    @Override
    public RemoveResult remove(String name, boolean force, boolean noPrune) throws IOException {
        return remove(name, force, noPrune, inUse);
    }

    /** {@link #remove(String, boolean, boolean)} with a caller's own view of which images are in use. */
    public RemoveResult remove(String name, boolean force, boolean noPrune, Predicate<ImageId> used)
            throws IOException {
        RemoveResult result;
        synchronized (lock) {
            result = new ImageRemoval(this, used).remove(name, force, noPrune);
        }
        if (result.items().stream().anyMatch(i -> i instanceof RemoveResult.Deleted)) {
            for (RemovalHook hook : removalHooks) {
                hook.afterRemoval();
            }
        }
        return result;
    }

    /** Adds a hook run (outside the store's lock) after each removal that deleted an image. */
    public void onRemoval(RemovalHook hook) {
        removalHooks.add(hook);
    }

    @Override
    public List<HistoryItem> history(String name) {
        Image image = get(name);
        List<ImageConfig.History> steps = image.config().history() == null ? List.of() : image.config().history();
        List<ChainId> chain = image.chainIds();
        List<HistoryItem> out = new ArrayList<>();
        int layer = 0;
        for (ImageConfig.History h : steps) {
            long size = 0;
            if (!Boolean.TRUE.equals(h.emptyLayer()) && layer < chain.size()) {
                size = layerSize(chain.get(layer++));
            }
            out.add(new HistoryItem("<missing>", ImageConfig.parseTime(h.created()),
                    h.createdBy() == null ? "" : h.createdBy(), List.of(), size,
                    h.comment() == null ? "" : h.comment()));
        }
        if (out.isEmpty()) {
            out.add(new HistoryItem("<missing>", image.created(), "", List.of(), image.size(), ""));
        }
        HistoryItem top = out.getLast();
        out.set(out.size() - 1, new HistoryItem(image.id().toString(), top.created(), top.createdBy(),
                image.repoTags(), top.size(), top.comment()));
        return out.reversed();
    }

    @Override
    public Image importRootfs(InputStream tar, String ref, String message, List<String> changes) throws IOException {
        ImageConfig.RunConfig run = ConfigChanges.apply(ImageConfig.RunConfig.empty(), changes);
        if (ref != null) {
            ImageRef.parse(ref); // refuse a bad name before unpacking anything
        }
        Layer layer = layers.register(null, tar);
        String now = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        String comment = message == null || message.isBlank() ? "Imported from -" : message;
        ImageConfig config = new ImageConfig(Platform.architecture(), "linux", null, now, null, run,
                new ImageConfig.RootFs("layers", List.of(layer.diffId().toString())),
                List.of(new ImageConfig.History(now, null, null, comment, null)), null);
        return create(new NewImage(config.toBytes(), null, List.of(), ref == null ? List.of() : List.of(ref)));
    }

    @Override
    public void save(List<String> names, OutputStream out) throws IOException {
        new ImageArchiveWriter(this).write(names, out);
    }

    @Override
    public List<LoadedImage> load(InputStream in) throws IOException {
        return new ImageArchiveReader(this).read(in);
    }

    @Override
    public Image create(NewImage spec) throws IOException {
        ImageConfig config = ImageConfig.parse(spec.config());
        List<ImageRef> tags = new ArrayList<>();
        for (String t : spec.tags()) {
            ImageRef ref = ImageRef.parse(t);
            if (ref.isDigested()) {
                throw new InvalidArgumentException("refusing to create a tag with a digest reference");
            }
            tags.add(ref);
        }
        for (ChainId chainId : ChainId.chain(config.diffIds())) {
            if (!layers.exists(chainId)) {
                throw new NotFoundException("layer " + chainId + " of the image is not registered");
            }
        }
        Digest digest = content.put(spec.config());
        ImageId id = new ImageId(digest);
        ImageMeta meta = new ImageMeta(spec.parent() == null ? null : spec.parent().toString(),
                spec.layerBlobs().isEmpty() ? null : spec.layerBlobs().stream().map(Digest::toString).toList());
        synchronized (lock) {
            Stored existing = images.get(id);
            if (existing == null || (existing.meta().parent() == null && meta.parent() != null)) {
                AtomicFiles.write(metaPath(id), Json.MAPPER.writeValueAsBytes(meta));
                images.put(id, new Stored(id, spec.config(), config, meta));
            }
            for (ImageRef ref : tags) {
                refs.put(ref, id);
            }
            return toImage(images.get(id));
        }
    }

    @Override
    public void addRepoDigest(ImageId id, ImageRef digested) throws IOException {
        if (!digested.isDigested()) {
            throw new InvalidArgumentException("not a digest reference: " + digested);
        }
        synchronized (lock) {
            if (!images.containsKey(id)) {
                throw notFound(id.toString());
            }
            refs.put(digested.withDigest(digested.digest()), id); // name@digest, without the tag
        }
    }

    @Override
    public Image bootstrapBusybox(Path busyboxBinary) throws IOException {
        return new BusyboxImage(this).build(busyboxBinary);
    }

    // ---- shared with the operation classes of this package (callers hold the lock) ----

    Stored resolve(String nameOrId) {
        if (nameOrId == null || nameOrId.isEmpty()) {
            return null;
        }
        if (FULL_ID.matcher(nameOrId).matches()) {
            String hex = nameOrId.startsWith("sha256:") ? nameOrId.substring(7) : nameOrId;
            return images.get(new ImageId(new Digest("sha256", hex)));
        }
        if (ImageRef.isValid(nameOrId)) {
            ImageId id = refs.get(ImageRef.parse(nameOrId));
            if (id != null && images.containsKey(id)) {
                return images.get(id);
            }
        }
        if (ID_PREFIX.matcher(nameOrId).matches()) {
            String prefix = nameOrId.startsWith("sha256:") ? nameOrId.substring(7) : nameOrId;
            List<Stored> matches = images.values().stream()
                    .filter(s -> s.id().digest().hex().startsWith(prefix)).toList();
            return matches.size() == 1 ? matches.getFirst() : null;
        }
        return null;
    }

    /** Whether {@code name} names the image by ID (full or prefix) rather than by reference, as dockerd decides. */
    static boolean isIdName(String name, ImageId id) {
        return id.toString().startsWith(name) || id.digest().hex().startsWith(name);
    }

    static NotFoundException notFound(String name) {
        String shown = name;
        if (!FULL_ID.matcher(name).matches() && ImageRef.isValid(name)) {
            shown = ImageRef.parse(name).familiar();
        }
        return new NotFoundException("No such image: " + shown);
    }

    /** Scratch space for load and bootstrap; emptied at start. */
    Path tmpDir() {
        return dir.resolve("tmp");
    }

    Path metaPath(ImageId id) {
        return dir.resolve(id.digest().hex() + ".json");
    }

    Image toImage(Stored s) {
        List<String> tags = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (ImageRef ref : refs.referencesTo(s.id())) {
            if (ref.isDigested()) {
                digests.add(ref.familiarName() + "@" + ref.digest());
            } else {
                tags.add(ref.familiar());
            }
        }
        List<ChainId> chain = s.chain();
        long size = 0;
        for (ChainId c : chain) {
            size += layerSize(c);
        }
        return new Image(s.id(), List.copyOf(tags), List.copyOf(digests), s.config(), s.raw(),
                s.config().createdAt(), size, chain.isEmpty() ? null : chain.getLast(),
                s.meta().parent() == null ? "" : s.meta().parent());
    }

    long layerSize(ChainId chainId) {
        Long cached = layerSizes.get(chainId);
        if (cached != null) {
            return cached;
        }
        try {
            long size = layers.get(chainId).size();
            layerSizes.put(chainId, size); // layers are immutable: a size never changes
            return size;
        } catch (IOException e) {
            throw new SystemException("cannot read layer " + chainId, e);
        }
    }

    /** Chain IDs used by the given images (every prefix of each image's stack). */
    static java.util.Set<ChainId> chainsOf(java.util.Collection<Stored> stored) {
        java.util.Set<ChainId> used = new java.util.HashSet<>();
        for (Stored s : stored) {
            used.addAll(s.chain());
        }
        return used;
    }

    static List<DiffId> diffIds(Stored s) {
        return s.config().diffIds();
    }
}
