package dev.berth.engine.images;

import dev.berth.engine.error.ConflictException;
import dev.berth.engine.images.LocalImageStore.Stored;
import dev.berth.engine.images.RemoveResult.Deleted;
import dev.berth.engine.images.RemoveResult.Item;
import dev.berth.engine.images.RemoveResult.Untagged;
import dev.berth.engine.layers.ChainId;
import dev.berth.engine.metadata.AtomicFiles;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code docker rmi} as dockerd does it (daemon/images/image_delete.go): a reference is
 * untagged first and the image goes only when no reference is left; by ID, an image with
 * references in several repositories needs force. Runs under the store's lock.
 */
final class ImageRemoval {

    private final LocalImageStore store;
    private final Predicate<ImageId> inUse;
    private final List<Item> items = new ArrayList<>();

    ImageRemoval(LocalImageStore store, Predicate<ImageId> inUse) {
        this.store = store;
        this.inUse = inUse;
    }

    RemoveResult remove(String name, boolean force, boolean noPrune) throws IOException {
        Stored image = store.resolve(name);
        if (image == null) {
            throw LocalImageStore.notFound(name);
        }
        ImageId id = image.id();
        List<ImageRef> refs = store.refs.referencesTo(id);
        boolean removedRepositoryRef = false;
        if (!LocalImageStore.isIdName(name, id)) {
            ImageRef ref = ImageRef.parse(name);
            if (!force && isSingleReference(refs) && inUse.test(id)) {
                throw new ConflictException("conflict: unable to remove repository reference \"" + name
                        + "\" (must force) - container is using its referenced image " + id.shortId());
            }
            store.refs.remove(ref);
            items.add(new Untagged(ref.familiar()));
            refs = store.refs.referencesTo(id);
            if (!ref.isDigested() && refs.stream().noneMatch(r -> !r.isDigested() && r.name().equals(ref.name()))) {
                // the last tag of a repository takes that repository's digest references with it
                for (ImageRef r : List.copyOf(refs)) {
                    if (r.isDigested() && r.name().equals(ref.name())) {
                        store.refs.remove(r);
                        items.add(new Untagged(r.familiar()));
                    }
                }
                refs = store.refs.referencesTo(id);
            }
            if (!refs.isEmpty()) {
                return result();
            }
            removedRepositoryRef = true;
        } else if (isSingleReference(refs)) {
            String conflict = conflict(image, force, false);
            if (conflict != null) {
                throw new ConflictException(conflict);
            }
            untagAll(refs);
        }
        deleteImage(image, force, noPrune, removedRepositoryRef);
        return result();
    }

    private void deleteImage(Stored image, boolean force, boolean noPrune, boolean quiet) throws IOException {
        ImageId id = image.id();
        String conflict = conflict(image, force, true);
        if (conflict != null) {
            if (quiet) {
                return; // untagged, still needed: it stays, dangling, as dockerd leaves it
            }
            throw new ConflictException(conflict);
        }
        untagAll(store.refs.referencesTo(id));
        AtomicFiles.delete(store.metaPath(id));
        store.images.remove(id);
        items.add(new Deleted(id.toString()));
        Set<ChainId> stillUsed = LocalImageStore.chainsOf(store.images.values());
        for (ChainId chainId : image.chain().reversed()) {
            if (!stillUsed.contains(chainId) && store.layers.delete(chainId)) {
                items.add(new Deleted(chainId.toString()));
            }
        }
        store.content.delete(id.digest());
        if (!noPrune && image.meta().parent() != null) {
            Stored parent = store.images.get(ImageId.parse(image.meta().parent()));
            if (parent != null && store.refs.referencesTo(parent.id()).isEmpty()
                    && conflict(parent, false, true) == null) {
                deleteImage(parent, false, false, true);
            }
        }
    }

    /** The conflict that stops deletion, or null. Children cannot be forced; the rest can. */
    private String conflict(Stored image, boolean force, boolean checkReferences) {
        String shortId = image.id().shortId();
        boolean hasChildren = store.images.values().stream()
                .anyMatch(s -> image.id().toString().equals(s.meta().parent()));
        if (hasChildren) {
            return "conflict: unable to delete " + shortId + " (cannot be forced) - image has dependent child images";
        }
        if (force) {
            return null;
        }
        if (inUse.test(image.id())) {
            return "conflict: unable to delete " + shortId + " (must be forced) - image is being used by a container";
        }
        if (checkReferences && !store.refs.referencesTo(image.id()).isEmpty()) {
            return "conflict: unable to delete " + shortId + " (must be forced) - image is referenced in multiple repositories";
        }
        return null;
    }

    private void untagAll(List<ImageRef> refs) throws IOException {
        for (ImageRef r : refs) {
            if (store.refs.remove(r)) {
                items.add(new Untagged(r.familiar()));
            }
        }
    }

    /** At most one tag, and any digest references in that tag's repository. */
    private static boolean isSingleReference(List<ImageRef> refs) {
        if (refs.size() <= 1) {
            return refs.size() == 1;
        }
        List<ImageRef> tags = refs.stream().filter(r -> !r.isDigested()).toList();
        if (tags.size() > 1) {
            return false;
        }
        Set<String> digestRepos = new HashSet<>();
        refs.stream().filter(ImageRef::isDigested).forEach(r -> digestRepos.add(r.name()));
        String single = tags.isEmpty() ? refs.getFirst().name() : tags.getFirst().name();
        return digestRepos.size() == 1 && digestRepos.contains(single);
    }

    private RemoveResult result() {
        return new RemoveResult(List.copyOf(items));
    }
}
