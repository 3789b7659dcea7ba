package dev.berth.compose.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code !reset} and {@code !override} YAML tags of one file: the key paths whose inherited
 * value (from an earlier {@code -f} file, or from the base service of {@code extends}) is dropped
 * before this file's tree is merged over it. A {@code !reset} value is removed from the file's
 * own tree when it is parsed ({@code ports: !reset []} leaves no ports); an {@code !override}
 * value stays, so that after the drop it replaces the inherited one instead of merging with it.
 *
 * @param paths the tagged key paths, each a list of mapping keys from the document's root
 */
record MergeTags(Set<List<String>> paths) {
    static final MergeTags NONE = new MergeTags(Set.of());

    /** The tag names, as written in YAML. */
    static final String RESET = "!reset";
    static final String OVERRIDE = "!override";

    MergeTags {
        paths = Set.copyOf(paths);
    }

    /** {@code inherited} without the values at this file's tagged paths; {@code inherited} is not changed. */
    Map<String, Object> clear(Map<String, Object> inherited) {
        Map<String, Object> out = inherited;
        for (List<String> path : paths) {
            out = without(out, path);
        }
        return out;
    }

    /** The tags inside service {@code name}, relative to the service, for {@code extends}. */
    MergeTags ofService(String name) {
        List<String> prefix = List.of("services", name);
        return new MergeTags(paths.stream()
                .filter(p -> p.size() > 2 && p.subList(0, 2).equals(prefix))
                .map(p -> List.copyOf(p.subList(2, p.size())))
                .collect(java.util.stream.Collectors.toSet()));
    }

    private static Map<String, Object> without(Map<String, Object> tree, List<String> path) {
        String key = path.getFirst();
        if (!tree.containsKey(key)) {
            return tree;
        }
        Map<String, Object> out = new LinkedHashMap<>(tree);
        if (path.size() == 1) {
            out.remove(key);
        } else if (tree.get(key) instanceof Map<?, ?>) {
            out.put(key, without(Canonical.asMap(tree.get(key)), path.subList(1, path.size())));
        }
        return out;
    }

    /**
     * What SnakeYAML builds for a tagged node, until {@link YamlDocuments} copies the tree and
     * records the tag's path: {@code !reset} drops the value, {@code !override} keeps it.
     */
    record Tagged(String tag, Object value) {}

    /** Collects the tagged paths while a tree is copied. */
    static final class Collector {
        private final List<List<String>> paths = new ArrayList<>();

        void add(KeyPath path) {
            List<String> keys = new ArrayList<>();
            for (KeyPath p = path; p.parent() != null; p = p.parent()) {
                keys.addFirst(p.key());
            }
            paths.add(keys);
        }

        MergeTags tags() {
            return paths.isEmpty() ? NONE : new MergeTags(Set.copyOf(paths));
        }
    }
}
