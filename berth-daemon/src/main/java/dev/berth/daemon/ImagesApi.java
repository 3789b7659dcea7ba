package dev.berth.daemon;

import dev.berth.api.Timestamps;
import dev.berth.api.types.container.ContainerInspect.GraphDriver;
import dev.berth.api.types.image.HistoryItem;
import dev.berth.api.types.image.ImageDeleteItem;
import dev.berth.api.types.image.ImageInspect;
import dev.berth.api.types.image.ImageSummary;
import dev.berth.daemon.router.images.ImagesBackend;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.events.EventBus;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageConfig;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.images.LoadedImage;
import dev.berth.engine.images.RemoveResult;
import dev.berth.engine.reference.ImageRef;
import dev.berth.engine.runtime.RuntimeSelector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The image routes' backend: the image store's answers in the API's shapes. */
final class ImagesApi implements ImagesBackend {

    private final ImageStore images;
    private final ImageEvents events;

    ImagesApi(ImageStore images, EventBus events) {
        this.images = images;
        this.events = new ImageEvents(events, images);
    }

    /** An image event as dockerd sends it: the image's ID, and the reference concerned as {@code name}. */
    private void imageEvent(String action, String id, String name) {
        events.emit(action, id, name);
    }

    @Override
    public List<ImageSummary> list(boolean all, Map<String, List<String>> filters) {
        Predicate<Image> filter = filter(filters);
        List<Image> every = images.list();
        // like dockerd, untagged images that are parents (a build's intermediate steps) only show with -a
        java.util.Set<String> parents = every.stream().map(Image::parent).filter(p -> p != null && !p.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
        return every.stream().filter(i -> all || !i.repoTags().isEmpty() || !parents.contains(i.id().toString()))
                .filter(filter).map(ImagesApi::summary).toList();
    }

    private static ImageSummary summary(Image i) {
        Map<String, String> labels = i.config().config() == null || i.config().config().labels() == null
                ? Map.of() : i.config().config().labels();
        return new ImageSummary(i.id().toString(), i.parent() == null ? "" : i.parent(), i.repoTags(),
                i.repoDigests(), i.created() == null ? 0 : i.created().getEpochSecond(), i.size(), -1, labels, -1);
    }

    /** reference (glob on name:tag), dangling, label, as dockerd filters images. */
    private static Predicate<Image> filter(Map<String, List<String>> filters) {
        Predicate<Image> all = i -> true;
        for (var e : filters.entrySet()) {
            List<String> values = e.getValue();
            if (values.isEmpty()) {
                continue;
            }
            Predicate<Image> one = switch (e.getKey()) {
                case "reference" -> i -> values.stream().anyMatch(v -> matchesReference(i, v));
                case "dangling" -> i -> values.contains(Boolean.toString(i.repoTags().isEmpty()));
                case "label" -> i -> values.stream().allMatch(v -> hasLabel(i, v));
                case "before", "since" -> i -> true;
                default -> throw new InvalidArgumentException("invalid filter '" + e.getKey() + "'");
            };
            all = all.and(one);
        }
        return all;
    }

    private static boolean matchesReference(Image i, String pattern) {
        var glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        for (String tag : i.repoTags()) {
            String repo = tag.substring(0, tag.lastIndexOf(':'));
            if (glob.matches(Path.of(tag)) || glob.matches(Path.of(repo))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLabel(Image i, String filter) {
        Map<String, String> labels = i.config().config() == null ? null : i.config().config().labels();
        if (labels == null) {
            return false;
        }
        int eq = filter.indexOf('=');
        return eq < 0 ? labels.containsKey(filter) : filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
    }

    @Override
    public ImageInspect inspect(String name) {
        Image i = images.get(name);
        ImageConfig c = i.config();
        List<ImageConfig.History> history = c.history() == null ? List.of() : c.history();
        String comment = history.isEmpty() || history.getLast().comment() == null ? "" : history.getLast().comment();
        return new ImageInspect(i.id().toString(), i.repoTags(), i.repoDigests(), i.parent() == null ? "" : i.parent(),
                comment, c.created() == null ? Timestamps.ZERO : c.created(), "",
                c.author() == null ? "" : c.author(), StoreImageResolver.containerConfig(i),
                c.architecture(), c.variant(), c.os(), i.size(), new GraphDriver("overlayfs", Map.of()),
                new ImageInspect.RootFs("layers", i.diffIds().stream().map(Object::toString).toList()),
                new ImageInspect.Metadata(Timestamps.ZERO));
    }

    @Override
    public List<ImageDeleteItem> remove(String name, boolean force, boolean noPrune) {
        try {
            List<ImageDeleteItem> out = new ArrayList<>();
            String id = images.get(name).id().toString();
            for (RemoveResult.Item item : images.remove(name, force, noPrune).items()) {
                out.add(switch (item) {
                    case RemoveResult.Untagged u -> ImageDeleteItem.untagged(u.reference());
                    case RemoveResult.Deleted d -> ImageDeleteItem.deleted(d.id());
                });
                switch (item) {
                    case RemoveResult.Untagged u -> imageEvent("untag", id, u.reference());
                    case RemoveResult.Deleted d -> imageEvent("delete", d.id(), d.id());
                }
            }
            return out;
        } catch (IOException e) {
            throw new dev.berth.engine.error.SystemException("failed to remove image " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void tag(String source, String repo, String tag) {
        String target = tag == null || tag.isEmpty() ? repo : repo + ":" + tag;
        try {
            images.tag(source, target);
            imageEvent("tag", images.get(target).id().toString(), ImageRef.parse(target).familiar());
        } catch (IOException e) {
            throw new dev.berth.engine.error.SystemException("failed to tag " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<HistoryItem> history(String name) {
        return images.history(name).stream()
                .map(h -> new HistoryItem(h.id(), h.created() == null ? 0 : h.created().getEpochSecond(),
                        h.createdBy(), h.tags(), h.size(), h.comment()))
                .toList();
    }

    @Override
    public String importRootfs(InputStream tar, String repo, String tag, String message, List<String> changes)
            throws IOException {
        String ref = repo == null || repo.isEmpty() ? null : tag == null || tag.isEmpty() ? repo : repo + ":" + tag;
        String id = images.importRootfs(tar, ref, message, changes).id().toString();
        imageEvent("import", id, ref == null ? id : ref);
        return id;
    }

    @Override
    public void save(List<String> names, OutputStream out) throws IOException {
        List<String> ids = names.stream().map(n -> images.get(n).id().toString()).distinct().toList();
        images.save(names, out);
        ids.forEach(id -> imageEvent("save", id, id));
    }

    @Override
    public List<String> load(InputStream tar) throws IOException {
        List<String> lines = new ArrayList<>();
        for (LoadedImage loaded : images.load(tar)) {
            imageEvent("load", loaded.id().toString(),
                    loaded.repoTags().isEmpty() ? loaded.id().toString() : loaded.repoTags().getFirst());
            if (loaded.repoTags().isEmpty()) {
                lines.add("Loaded image ID: " + loaded.id());
            }
            for (String t : loaded.repoTags()) {
                lines.add("Loaded image: " + ImageRef.parse(t).familiar());
            }
        }
        return lines;
    }

    @Override
    public String bootstrap(String name) throws IOException {
        if (!"busybox".equals(name)) {
            throw new InvalidArgumentException("berth can bootstrap only busybox, not " + name);
        }
        Path busybox = RuntimeSelector.searchPath("busybox")
                .orElseThrow(() -> new NotFoundException("busybox is not installed on this host: apt-get install busybox-static"));
        return images.bootstrapBusybox(busybox).id().toString();
    }
}
