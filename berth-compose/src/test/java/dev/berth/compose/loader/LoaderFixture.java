package dev.berth.compose.loader;

import dev.berth.compose.model.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A project directory in a temp dir, files written by the test, loaded with a fixed environment. */
final class LoaderFixture {
    final Path dir;
    final Map<String, String> env = new HashMap<>();
    final List<String> warnings = new ArrayList<>();

    LoaderFixture(Path tempDir) {
        this.dir = tempDir.resolve("My_App.1");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("HOME", "/home/tester");
    }

    LoaderFixture write(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoadOptions options() {
        return LoadOptions.of(dir, env).withWarnings(warnings::add);
    }

    Project load() {
        return new ProjectLoader().load(options());
    }

    Project load(String... files) {
        return new ProjectLoader().load(options().withFiles(List.of(files).stream().map(Path::of).toList()));
    }

    String path(String relative) {
        return dir.resolve(relative).toString();
    }
}
