package dev.berth.engine.layering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows down: each engine package may import only the packages below it (docs/architecture.md).
 * Read from the sources, so a new import that breaks the layering fails the build, not a review.
 */
class PackageLayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/berth/engine");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.berth\\.(\\w+)(?:\\.(\\w+))?", Pattern.MULTILINE);

    /** Leaves every package may use. */
    private static final Set<String> LEAVES = Set.of("error", "digest", "metadata");

    /** Engine packages each package may import besides the leaves and itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("error", Set.of()),
            Map.entry("digest", Set.of()),
            Map.entry("metadata", Set.of()),
            Map.entry("reference", Set.of()),
            Map.entry("content", Set.of()),
            Map.entry("archive", Set.of()),
            Map.entry("layers", Set.of("archive")),
            Map.entry("images", Set.of("archive", "content", "layers", "reference")),
            Map.entry("distribution", Set.of("content", "layers", "images", "reference")),
            Map.entry("logs", Set.of()),
            Map.entry("events", Set.of()),
            Map.entry("snapshots", Set.of()),
            Map.entry("runtime", Set.of()),
            Map.entry("cgroups", Set.of()),
            Map.entry("limits", Set.of()),
            Map.entry("security", Set.of()),
            Map.entry("volumes", Set.of("archive", "runtime", "events")),
            Map.entry("networks", Set.of("runtime", "events")),
            // Containers reach images only through their own ImageResolver interface.
            Map.entry("containers", Set.of("runtime", "snapshots", "logs", "volumes", "events", "networks",
                    "cgroups", "limits", "security")),
            Map.entry("copy", Set.of("archive", "runtime", "volumes")),
            Map.entry("health", Set.of("containers", "exec", "events")),
            // The builder sits on top: it turns containers' writable layers into images.
            Map.entry("builder", Set.of("archive", "containers", "images", "layers", "reference", "snapshots",
                    "runtime", "content", "logs", "volumes", "networks")));

    @Test
    void enginePackages_importOnlyWhatLiesBelowThem() throws IOException {
        Map<String, Set<String>> violations = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                if (!ALLOWED.containsKey(pkg)) {
                    continue; // a package added later declares its place here when it matters
                }
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String module = m.group(1);
                    String target = m.group(2);
                    boolean ok = switch (module) {
                        case "api", "posix" -> true;
                        case "engine" -> target.equals(pkg) || LEAVES.contains(target) || ALLOWED.get(pkg).contains(target);
                        default -> false; // never the daemon, the CLI or anything above the engine
                    };
                    if (!ok) {
                        violations.computeIfAbsent(SOURCES.relativize(file).toString(), k -> new TreeSet<>())
                                .add(module + (target == null ? "" : "." + target));
                    }
                }
            }
        }
        assertThat(violations).as("imports that point up or sideways").isEmpty();
    }
}
