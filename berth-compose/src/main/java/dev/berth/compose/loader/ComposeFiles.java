package dev.berth.compose.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the compose files when none are given: in the working directory, else its nearest
 * parent that has one, the first of compose.yaml, compose.yml, docker-compose.yml,
 * docker-compose.yaml, followed by its override file (compose.override.yaml...) when present,
 * as docker compose does.
 */
public final class ComposeFiles {
    /** The names of a main file, in order of preference. */
    public static final List<String> NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
    /** The names of an override file, in order of preference. */
    public static final List<String> OVERRIDE_NAMES = List.of(
            "compose.override.yaml", "compose.override.yml", "docker-compose.override.yml", "docker-compose.override.yaml");

    private ComposeFiles() {}

    /**
     * The files to load from {@code dir} or its nearest parent holding one: the main file, then
     * its override file if any. Empty when no directory up to the root has one.
     */
    public static List<Path> discover(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path main = first(d, NAMES);
            if (main != null) {
                List<Path> files = new ArrayList<>(List.of(main));
                Path override = first(d, OVERRIDE_NAMES);
                if (override != null) {
                    files.add(override);
                }
                return files;
            }
        }
        return List.of();
    }

    private static Path first(Path dir, List<String> names) {
        for (String name : names) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
