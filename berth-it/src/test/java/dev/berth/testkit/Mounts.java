package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads /proc/self/mountinfo so tests can check that nothing was left mounted. */
public final class Mounts {

    private Mounts() {
    }

    /** Mount points at or below {@code dir}, deepest first. */
    public static List<String> under(Path dir) {
        String prefix = dir.toAbsolutePath().toString();
        List<String> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] fields = line.split(" ");
                String point = fields[4].replace("\\040", " ");
                if (point.equals(prefix) || point.startsWith(prefix + "/")) {
                    found.add(point);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort((a, b) -> b.length() - a.length());
        return found;
    }

    public static void unmountAll(List<String> points) {
        for (String p : points) {
            Commands.run(List.of("umount", "-l", p), Map.of(), null, 30);
        }
    }
}
