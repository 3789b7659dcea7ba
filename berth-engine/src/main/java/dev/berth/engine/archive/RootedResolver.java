package dev.berth.engine.archive;

import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves tar entry names to paths inside a root the way a process chrooted there would see
 * them: symbolic links met on the way are followed, absolute link targets start again at the
 * root, and a name or link that would climb above the root is refused. The last component is
 * never followed: entries replace what is there, they do not write through it.
 */
final class RootedResolver {

    private static final int MAX_LINKS = 40;

    private final Path root;

    RootedResolver(Path root) {
        this.root = root;
    }

    /** The entry name's components, refused when absolute-escaping or containing {@code ..}. */
    static List<String> components(String entryName) {
        List<String> parts = new ArrayList<>();
        for (String c : entryName.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                throw new InvalidArgumentException("refusing tar entry " + entryName + ": path contains ..");
            }
            if (c.indexOf('\0') >= 0) {
                throw new InvalidArgumentException("refusing tar entry " + entryName + ": NUL in path");
            }
            parts.add(c);
        }
        return parts;
    }

    /**
     * The path to act on for {@code components} (non-empty): its parent resolved inside the
     * root (links followed, missing directories created with mode 0755), its last component as
     * is. {@code entryName} is for messages.
     */
    Path resolve(List<String> components, String entryName, boolean createParents) throws IOException {
        List<String> parentParts = components.subList(0, components.size() - 1);
        Path parent = resolveDirectory(parentParts, entryName, createParents);
        return parent.resolve(components.get(components.size() - 1));
    }

    /** A directory inside the root, following links inside the root. */
    Path resolveDirectory(List<String> parts, String entryName, boolean create) throws IOException {
        Deque<String> pending = new ArrayDeque<>(parts);
        List<String> resolved = new ArrayList<>();
        int links = 0;
        boolean missing = false;
        while (!pending.isEmpty()) {
            String c = pending.pop();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (resolved.isEmpty()) {
                    throw new InvalidArgumentException("refusing tar entry " + entryName
                            + ": a link on its path points outside the root");
                }
                resolved.removeLast();
                missing = false;
                continue;
            }
            if (missing) {
                resolved.add(c);
                continue;
            }
            Path p = join(resolved).resolve(c);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                missing = true;
                resolved.add(c);
                continue;
            }
            if (attrs.isSymbolicLink()) {
                if (++links > MAX_LINKS) {
                    throw new InvalidArgumentException("refusing tar entry " + entryName + ": too many links");
                }
                String target = Files.readSymbolicLink(p).toString();
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                String[] targetParts = target.split("/");
                for (int i = targetParts.length - 1; i >= 0; i--) {
                    pending.push(targetParts[i]);
                }
                continue;
            }
            if (!attrs.isDirectory()) {
                throw new InvalidArgumentException("refusing tar entry " + entryName + ": "
                        + String.join("/", resolved) + "/" + c + " is not a directory");
            }
            resolved.add(c);
        }
        Path dir = join(resolved);
        if (create && missing) {
            Path p = root;
            for (String c : resolved) {
                p = p.resolve(c);
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(p);
                }
            }
        }
        return dir;
    }

    private Path join(List<String> parts) {
        Path p = root;
        for (String c : parts) {
            p = p.resolve(c);
        }
        return p;
    }
}
