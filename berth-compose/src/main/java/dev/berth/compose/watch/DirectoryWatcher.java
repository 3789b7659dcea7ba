package dev.berth.compose.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reports the host paths that changed below a set of roots: directories recursively, a root
 * that is a file through its parent directory (then only that file counts). Built on the JDK's
 * {@link WatchService}, which on Linux is inotify with the changed names (berth-posix's
 * {@code Inotify} reports no names: it serves cgroup files). inotify watches one directory, so
 * a directory created below a root is watched as soon as it is seen, and everything already in
 * it is reported as changed (files written before its watch existed would be missed otherwise).
 * A lost event queue (overflow) reports the roots themselves. Used by one thread.
 */
public final class DirectoryWatcher implements AutoCloseable {

    private final WatchService service;
    private final List<Path> roots;
    private final Set<Path> directoryRoots = new java.util.HashSet<>();
    /** Watched directories, and whether below them everything counts (false: a file root's parent). */
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Map<Path, Boolean> recursive = new HashMap<>();

    public DirectoryWatcher(Collection<Path> roots) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.roots = roots.stream().map(Path::normalize).distinct().toList();
        for (Path root : this.roots) {
            if (Files.isDirectory(root)) {
                directoryRoots.add(root);
                register(root, true, new LinkedHashSet<>());
            } else if (root.getParent() != null && Files.isDirectory(root.getParent())) {
                register(root.getParent(), false, new LinkedHashSet<>());
            }
        }
    }

    /**
     * The changed paths, waiting up to {@code timeoutNanos} for the first; empty when none came.
     * Changes already queued are all returned together.
     */
    public Set<Path> poll(long timeoutNanos) throws InterruptedException, IOException {
        Set<Path> changed = new LinkedHashSet<>();
        WatchKey key = timeoutNanos <= 0 ? service.poll() : service.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        while (key != null) {
            take(key, changed);
            key = service.poll();
        }
        return changed;
    }

    private void take(WatchKey key, Set<Path> changed) throws IOException {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                changed.addAll(roots);
                continue;
            }
            if (dir == null) {
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (!counts(path)) {
                continue;
            }
            changed.add(path);
            if (event.kind() == ENTRY_CREATE && recursive.getOrDefault(dir, false)
                    && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                register(path, true, changed);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
            if (dir != null) {
                recursive.remove(dir);
            }
        }
    }

    /** Below a recursive root, or a file root itself. */
    private boolean counts(Path path) {
        for (Path root : roots) {
            if (path.startsWith(root) && (path.equals(root) || directoryRoots.contains(root))) {
                return true;
            }
        }
        return false;
    }

    /** Watches {@code dir} (and, recursive, every directory below it), adding what it holds to {@code found}. */
    private void register(Path dir, boolean deep, Set<Path> found) throws IOException {
        if (recursive.getOrDefault(dir, false)) {
            return;
        }
        WatchKey key = dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        keys.put(key, dir);
        recursive.put(dir, deep || recursive.getOrDefault(dir, false));
        if (!deep) {
            return;
        }
        List<Path> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(children::add);
        } catch (IOException e) {
            return; // deleted meanwhile: its parent's delete event says so
        }
        for (Path child : children) {
            found.add(child);
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && !child.getFileName().toString().equals(".git")) {
                register(child, true, found);
            }
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
