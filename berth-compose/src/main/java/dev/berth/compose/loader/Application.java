package dev.berth.compose.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One compose application read into one canonical tree, the spec's "application model" before
 * it becomes typed: each file parsed, interpolated, validated and made canonical; the
 * applications it includes imported ({@link Includes}); its {@code extends} resolved; then the
 * files merged in order ({@link TreeMerge}), each over the earlier ones less what its {@code
 * !reset} / {@code !override} tags name. The project is one application; each application it
 * includes is another, read the same way with its own project directory and environment.
 *
 * @param tree    the merged tree: {@code services}, {@code networks}, {@code volumes}, {@code configs},
 *                {@code secrets}, {@code name}
 * @param origins for each resource ({@code services.web}), the file that defined it last
 */
record Application(Map<String, Object> tree, Map<String, String> origins) {

    static final List<String> SECTIONS = List.of("services", "networks", "volumes", "configs", "secrets");

    /** Reads applications; {@code home} expands {@code ~}, {@code warnings} receives warnings. */
    record Reader(Path home, Consumer<String> warnings) {

        /**
         * Reads the application of {@code files}.
         *
         * @param projectDir the directory relative paths resolve against
         * @param env        what interpolation sees
         * @param including  the files that include this application, outermost first (empty for the project)
         */
        Application read(List<Path> files, Path projectDir, Map<String, String> env, List<Path> including) {
            Function<String, String> lookup = env::get;
            Map<Path, FileTree> otherFiles = new HashMap<>();
            Extends extendsResolver = new Extends(p -> otherFiles.computeIfAbsent(p, q -> canonicalFile(q, q.getParent(), lookup)));
            Includes includes = new Includes(this);

            Map<String, Object> merged = new LinkedHashMap<>();
            Map<String, String> origins = new HashMap<>();
            for (Path file : files) {
                FileTree own = canonicalFile(file, projectDir, lookup);
                for (String section : SECTIONS) {
                    Canonical.asMap(own.tree().get(section)).keySet().forEach(k -> origins.put(section + "." + k, own.file()));
                }
                List<Path> chain = new ArrayList<>(including);
                chain.add(file);
                Map<String, Object> tree = extendsResolver.resolve(own.with(includes.imported(own, env, chain, origins)));
                merged = TreeMerge.merge(own.tags().clear(merged), tree);
            }
            return new Application(merged, origins);
        }

        /** One file parsed, interpolated, validated and made canonical (extends and includes not yet resolved). */
        FileTree canonicalFile(Path file, Path baseDir, Function<String, String> lookup) {
            String name = file.toString();
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new ComposeFileException(name, null, "cannot read the file: " + e.getMessage());
            }
            MergeTags.Collector tags = new MergeTags.Collector();
            Map<String, Object> tree = YamlDocuments.parse(name, text, tags);
            if (tree.remove("version") != null) {
                warnings.accept(name + ": the attribute `version` is obsolete, it will be ignored");
            }
            tree = Interpolation.interpolate(tree, lookup, name, warnings);
            ComposeSchema.FILE.check(tree, new Shape.Check(name, warnings), KeyPath.ROOT);
            return new FileTree(name, Canonical.of(tree, name, baseDir, home), tags.tags());
        }
    }
}
