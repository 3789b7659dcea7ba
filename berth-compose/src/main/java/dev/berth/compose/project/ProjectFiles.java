package dev.berth.compose.project;

import dev.berth.compose.model.FileObject;
import dev.berth.compose.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Host files behind configs and secrets, which a single engine has no store for: a
 * {@code file:} source is bound as it is; {@code content:} and {@code environment:} sources are
 * written under {@code <root>/<project>/configs|secrets/<key>} (mode 0600 for secrets, 0644 for
 * configs; the directory 0700) and bound read-only from there. The daemon must see the same
 * file system, which holds for a local socket. {@link #remove} deletes them at down.
 */
public final class ProjectFiles implements ServiceMapper.FileSources {

    private final Path root;

    public ProjectFiles(Path root) {
        this.root = root;
    }

    @Override
    public Path config(Project project, String key) throws IOException {
        return source(project, "configs", key, project.configs().get(key), false);
    }

    @Override
    public Path secret(Project project, String key) throws IOException {
        return source(project, "secrets", key, project.secrets().get(key), true);
    }

    /** Deletes what was written for {@code project}; nothing when nothing was. */
    public void remove(String project) throws IOException {
        Path dir = root.resolve(project);
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Path source(Project project, String kind, String key, FileObject object, boolean secret) throws IOException {
        if (object == null) {
            throw new IllegalArgumentException("service refers to undefined " + kind.substring(0, kind.length() - 1) + " " + key);
        }
        if (object.external()) {
            throw new IllegalArgumentException("external " + kind + " are not supported by a single engine: " + key);
        }
        if (object.file() != null) {
            return object.file();
        }
        String content = object.content();
        if (content == null && object.environment() != null) {
            content = project.environment().get(object.environment());
            if (content == null) {
                content = System.getenv(object.environment());
            }
            if (content == null) {
                throw new IllegalArgumentException("environment variable " + object.environment() + " for " + key + " is not set");
            }
        }
        if (content == null) {
            throw new IllegalArgumentException(kind + "." + key + " has no source (file, environment or content)");
        }
        Path dir = root.resolve(project.name()).resolve(kind);
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = dir.resolve(key);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
        return file;
    }
}
