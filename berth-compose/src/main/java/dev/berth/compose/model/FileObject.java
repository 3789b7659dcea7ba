package dev.berth.compose.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * A top-level config or secret: its content comes from exactly one of a file, an environment
 * variable, inline content, or (external) the engine.
 *
 * @param name        the name in the engine ("&lt;project&gt;_&lt;key&gt;" unless {@code name:} is set)
 * @param file        absolute path of the file, or null
 * @param environment the name of the environment variable holding the content, or null
 * @param content     the inline content (configs only), or null
 * @param external    created outside the project
 * @param labels      labels
 */
public record FileObject(String name, Path file, String environment, String content, boolean external, Map<String, String> labels) {
    public FileObject {
        labels = Copies.map(labels);
    }
}
