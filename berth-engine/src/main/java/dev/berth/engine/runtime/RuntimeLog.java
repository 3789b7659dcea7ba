package dev.berth.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The runtime's JSON log ({@code --log-format json}; crun and runc both write
 * {@code {"level":"error","msg":...}}): its last error, the reason a container or exec never ran.
 */
public final class RuntimeLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeLog() {
    }

    public static Optional<String> lastError(Path logFile) {
        if (!Files.exists(logFile)) {
            return Optional.empty();
        }
        String last = null;
        try {
            for (String line : Files.readAllLines(logFile)) {
                try {
                    JsonNode entry = JSON.readTree(line);
                    String level = entry.path("level").asText();
                    if (level.equals("error") || level.equals("fatal")) {
                        last = entry.path("msg").asText();
                    }
                } catch (IOException notJson) {
                    last = line.strip();
                }
            }
        } catch (IOException e) {
            return Optional.ofNullable(last);
        }
        return Optional.ofNullable(last).filter(s -> !s.isEmpty());
    }
}
