package dev.berth.compose.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves {@code extends} in one canonical file: a service extending another (in the same file
 * or in {@code extends.file}) is the base service merged with its own keys by {@link TreeMerge}'s
 * rules. Bases may extend further; a cycle is an error. Relative paths of a base from another
 * file were resolved against that file's directory when it was loaded.
 */
final class Extends {
    private final Function<Path, FileTree> loadOther;

    /** @param loadOther loads another file into canonical form (not yet extends-resolved) */
    Extends(Function<Path, FileTree> loadOther) {
        this.loadOther = loadOther;
    }

    /** The file's tree with every service's {@code extends} resolved. */
    Map<String, Object> resolve(FileTree file) {
        Map<String, Object> services = Canonical.asMap(file.tree().get("services"));
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (String name : services.keySet()) {
            resolved.put(name, service(file, name, new ArrayList<>()));
        }
        Map<String, Object> out = new LinkedHashMap<>(file.tree());
        if (file.tree().containsKey("services")) {
            out.put("services", resolved);
        }
        return out;
    }

    private Map<String, Object> service(FileTree ft, String name, List<String> chain) {
        String file = ft.file();
        String link = file + ":" + name;
        if (chain.contains(link)) {
            chain.add(link);
            throw new ComposeFileException(file, "services." + name + ".extends",
                    "extends cycle: " + String.join(" -> ", chain.stream().map(c -> c.substring(c.lastIndexOf(':') + 1)).toList()));
        }
        chain.add(link);
        Map<String, Object> svc = Canonical.asMap(Canonical.asMap(ft.tree().get("services")).get(name));
        Object ext = svc.get("extends");
        if (ext == null) {
            return svc;
        }
        Fields ref = Fields.of(ext);
        String baseName = ref.string("service");
        String path = "services." + name + ".extends";
        if (baseName == null) {
            throw new ComposeFileException(file, path + ".service", "is required");
        }
        FileTree baseTree = ref.has("file") ? loadOther.apply(Path.of(ref.string("file"))) : ft;
        if (!Canonical.asMap(baseTree.tree().get("services")).containsKey(baseName)) {
            throw new ComposeFileException(file, path,
                    "service \"" + baseName + "\" is not defined" + (ref.has("file") ? " in " + baseTree.file() : ""));
        }
        Map<String, Object> base = new LinkedHashMap<>(ft.tags().ofService(name).clear(service(baseTree, baseName, chain)));
        Map<String, Object> own = new LinkedHashMap<>(svc);
        own.remove("extends");
        base.remove("extends");
        return TreeMerge.mergeService(base, own);
    }
}
