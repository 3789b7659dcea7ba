package dev.berth.compose.loader;

import java.util.Map;

/**
 * One compose file in canonical form, as {@link Extends} and {@link Includes} take it.
 *
 * @param file the file's path, for messages
 * @param tree the canonical tree (its {@code include} entries canonical too, until imported)
 * @param tags the file's {@code !reset} and {@code !override} paths
 */
record FileTree(String file, Map<String, Object> tree, MergeTags tags) {

    /** This file with another tree. */
    FileTree with(Map<String, Object> other) {
        return new FileTree(file, other, tags);
    }
}
