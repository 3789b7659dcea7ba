package dev.berth.engine.runtime.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Resolves a path as the container will see it: symlinks are followed relative to the
 * rootfs, and ".." or absolute link targets never leave it (like {@code chroot} would),
 * so a hostile image cannot make the daemon read {@code /etc/shadow} of the host.
 */
public final class RootfsPath {

    private static final int MAX_LINKS = 40;

    private RootfsPath() {
    }

    /**
     * The host path of {@code containerPath} inside {@code rootfs}, with every symlink
     * resolved within the rootfs; empty when a component is missing or the links loop.
     */
    public static Optional<Path> resolve(Path rootfs, String containerPath) {
        Deque<String> todo = new ArrayDeque<>();
        pushComponents(todo, containerPath);
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                done.pollLast();
                continue;
            }
            Path candidate = join(rootfs, done).resolve(name);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    return Optional.empty();
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    return Optional.empty();
                }
                if (target.startsWith("/")) {
                    done.clear();
                }
                pushComponents(todo, target);
                continue;
            }
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            done.addLast(name);
        }
        return Optional.of(join(rootfs, done));
    }

    private static void pushComponents(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            todo.push(parts[i]);
        }
    }

    private static Path join(Path rootfs, Deque<String> parts) {
        Path p = rootfs;
        for (String s : parts) {
            p = p.resolve(s);
        }
        return p;
    }
}
