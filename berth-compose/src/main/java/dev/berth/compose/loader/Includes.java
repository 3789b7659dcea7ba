package dev.berth.compose.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The top-level {@code include}: each entry names another compose application (one file, or
 * several merged as {@code -f} merges them) that is read on its own — relative paths against
 * its project directory ({@code project_directory}, else its first file's directory), variables
 * from its environment (the including application's, over {@code env_file}, else its project
 * directory's {@code .env}) — and whose services, networks, volumes, configs and secrets are
 * then added to the including file. A resource both define is an error unless both definitions
 * are the same (one file included twice); includes nest, and a file that includes itself, even
 * through others, is an error naming the chain.
 */
final class Includes {
    private final Application.Reader reader;

    Includes(Application.Reader reader) {
        this.reader = reader;
    }

    /**
     * {@code file}'s tree without its {@code include} entries and with their resources.
     *
     * @param env     the including application's environment
     * @param chain   the files that include {@code file}, outermost first, and {@code file} itself
     * @param origins receives the file each imported resource comes from
     */
    Map<String, Object> imported(FileTree file, Map<String, String> env, List<Path> chain, Map<String, String> origins) {
        Map<String, Object> out = new LinkedHashMap<>(file.tree());
        List<Object> entries = Canonical.asList(out.remove("include"));
        for (int i = 0; i < entries.size(); i++) {
            KeyPath at = KeyPath.ROOT.key("include").index(i);
            Map<String, Object> entry = Canonical.asMap(entries.get(i));
            List<Path> paths = paths(entry.get("path"));
            if (paths.isEmpty()) {
                throw new ComposeFileException(file.file(), at.key("path").toString(), "is required");
            }
            for (Path p : paths) {
                if (chain.contains(p)) {
                    List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(p), chain.size()).stream().map(Path::toString).toList());
                    cycle.add(p.toString());
                    throw new ComposeFileException(file.file(), at.toString(), "include cycle: " + String.join(" -> ", cycle));
                }
                if (!Files.isRegularFile(p)) {
                    throw new ComposeFileException(file.file(), at.key("path").toString(), "no such file: " + p);
                }
            }
            Path projectDir = entry.get("project_directory") != null
                    ? Path.of((String) entry.get("project_directory")) : paths.getFirst().getParent();
            List<Path> envFiles = paths(entry.get("env_file"));
            if (envFiles.isEmpty() && Files.isRegularFile(projectDir.resolve(".env"))) {
                envFiles = List.of(projectDir.resolve(".env"));
            }
            Application app = reader.read(paths, projectDir, DotEnv.under(env, envFiles), chain);
            add(out, app, file.file(), at, origins);
        }
        return out;
    }

    private static void add(Map<String, Object> into, Application app, String file, KeyPath at, Map<String, String> origins) {
        for (String section : Application.SECTIONS) {
            Map<String, Object> from = Canonical.asMap(app.tree().get(section));
            if (from.isEmpty()) {
                continue;
            }
            Map<String, Object> to = new LinkedHashMap<>(Canonical.asMap(into.get(section)));
            from.forEach((name, definition) -> {
                String resource = section + "." + name;
                String source = app.origins().get(resource);
                if (to.containsKey(name) && !Objects.equals(to.get(name), definition)) {
                    throw new ComposeFileException(file, at.toString(), resource + " conflicts with an imported resource: it is defined both in "
                            + origins.get(resource) + " and in " + source);
                }
                to.put(name, definition);
                origins.putIfAbsent(resource, source);
            });
            into.put(section, to);
        }
    }

    private static List<Path> paths(Object value) {
        return Canonical.asList(value).stream().map(p -> Path.of((String) p)).toList();
    }
}
