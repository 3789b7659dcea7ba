package dev.berth.engine.builder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The empty files the runtime creates in a container's upper directory as targets for the
 * /etc/hostname, /etc/hosts and /etc/resolv.conf bind mounts. They are the engine's, not
 * the user's: Docker keeps them in an init layer and never commits them, so neither do we.
 */
final class MountPlaceholders {

    private static final List<String> NAMES = List.of("etc/hostname", "etc/hosts", "etc/resolv.conf");

    private MountPlaceholders() {
    }

    /** Deletes the placeholders (and an etc/ left empty) from the upper directory of a finished container. */
    static void removeFrom(Path upper) throws IOException {
        for (String name : found(upper)) {
            Files.delete(upper.resolve(name));
        }
        Path etc = upper.resolve("etc");
        if (Files.isDirectory(etc, LinkOption.NOFOLLOW_LINKS) && LayerCommitter.isEmpty(etc)) {
            Files.delete(etc);
        }
    }

    /**
     * Entry names to leave out when packing {@code upper} without touching it (the container
     * may still run): the placeholders, and etc/ itself when it holds nothing else.
     */
    static Predicate<String> skipIn(Path upper) throws IOException {
        Set<String> skip = new HashSet<>(found(upper));
        Path etc = upper.resolve("etc");
        if (!skip.isEmpty() && Files.isDirectory(etc, LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(etc)) {
                if (children.allMatch(c -> skip.contains("etc/" + c.getFileName()))) {
                    skip.add("etc");
                }
            }
        }
        return skip::contains;
    }

    private static List<String> found(Path upper) throws IOException {
        List<String> found = new java.util.ArrayList<>();
        for (String name : NAMES) {
            Path p = upper.resolve(name);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) == 0) {
                found.add(name);
            }
        }
        return found;
    }
}
