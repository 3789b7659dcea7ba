package dev.berth.engine.builder;

import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths inside a root as a Dockerfile names them: relative to the root, cleaned without
 * touching the disk ({@code ..} cannot climb out), and, for a COPY destination, resolved
 * through the image's symbolic links as if the root were {@code /}.
 */
final class RootPaths {

    private RootPaths() {
    }

    /** Cleans a relative path (leading slashes dropped); "." for the root. */
    static String clean(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..") && !parts.isEmpty() && !parts.getLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.add(p);
            }
        }
        return parts.isEmpty() ? "." : String.join("/", parts);
    }

    /**
     * {@code rel} with the symbolic links of the image below {@code root} followed, as if
     * {@code root} were {@code /} (Docker writes through a link to a directory rather than
     * replacing it); absolute link targets start again at {@code root}, and {@code ..} stops there.
     */
    static String followInRoot(Path root, String rel) throws IOException {
        List<String> todo = new ArrayList<>(rel.equals(".") ? List.of() : List.of(rel.split("/")));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.removeFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.removeLast();
                }
                continue;
            }
            Path candidate = root.resolve(String.join("/", done)).resolve(part);
            if (!Files.isSymbolicLink(candidate)) {
                done.add(part);
                continue;
            }
            if (++links > 40) {
                throw new InvalidArgumentException("too many levels of symbolic links: /" + rel);
            }
            String target = Files.readSymbolicLink(candidate).toString();
            if (target.startsWith("/")) {
                done.clear();
            }
            todo.addAll(0, List.of(target.split("/")));
        }
        return done.isEmpty() ? "." : String.join("/", done);
    }

    /** {@code rel} (cleaned, "." for the root) under {@code root}. */
    static Path at(Path root, String rel) {
        return rel.equals(".") || rel.isEmpty() ? root : root.resolve(rel);
    }
}
