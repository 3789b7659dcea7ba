package dev.berth.engine.networks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@link Declared} records, one atomically written file per container. Callers serialise. */
final class DeclaredStore {

    private static final System.Logger LOG = System.getLogger("berthd.networks");

    private final Path root;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    DeclaredStore(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
        AtomicFiles.removeLeftovers(root);
    }

    Optional<Declared> read(String containerId) {
        Path file = root.resolve(containerId + ".json");
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(mapper.readValue(file.toFile(), Declared.class));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable " + file + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    void write(String containerId, Declared d) {
        try {
            AtomicFiles.write(root.resolve(containerId + ".json"), mapper.writeValueAsBytes(d));
        } catch (IOException e) {
            throw new SystemException("failed to record the networks of " + containerId + ": " + e.getMessage(), e);
        }
    }

    void delete(String containerId) {
        try {
            AtomicFiles.delete(root.resolve(containerId + ".json"));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "failed to forget networks of " + containerId + ": " + e.getMessage());
        }
    }

    /** Every record by container ID (daemon start). */
    Map<String, Declared> all() {
        Map<String, Declared> all = new LinkedHashMap<>();
        try (var files = Files.newDirectoryStream(root, "*.json")) {
            for (Path file : files) {
                String id = file.getFileName().toString().replaceFirst("\\.json$", "");
                read(id).ifPresent(d -> all.put(id, d));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list " + root + ": " + e.getMessage());
        }
        return all;
    }
}
