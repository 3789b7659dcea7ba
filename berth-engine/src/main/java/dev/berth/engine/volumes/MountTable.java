package dev.berth.engine.volumes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A container's resolved mounts, kept next to its record as {@code mounts.json} (written
 * atomically at create, deleted with the container's directory). Also answers which
 * containers use a volume, by reading every table: removals are rare, containers few.
 */
public final class MountTable {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    static final String FILE = "mounts.json";

    private MountTable() {
    }

    public static void write(Path containerDir, List<ContainerMount> mounts) {
        try {
            AtomicFiles.write(containerDir.resolve(FILE), JSON.writeValueAsBytes(mounts));
        } catch (IOException e) {
            throw new SystemException("write the mounts of " + containerDir.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The container's mounts; none for a container created before volumes existed. */
    public static List<ContainerMount> read(Path containerDir) {
        Path file = containerDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Arrays.asList(JSON.readValue(file.toFile(), ContainerMount[].class));
        } catch (IOException e) {
            throw new SystemException("read the mounts of " + containerDir.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The IDs (directory names) of the containers under {@code containersRoot} that mount the volume. */
    public static List<String> usersOf(Path containersRoot, String volumeName) {
        List<String> users = new ArrayList<>();
        if (!Files.isDirectory(containersRoot)) {
            return users;
        }
        try (Stream<Path> dirs = Files.list(containersRoot)) {
            for (Path dir : dirs.sorted().toList()) {
                try {
                    if (read(dir).stream().anyMatch(m -> m.type() == ContainerMount.Type.VOLUME
                            && m.name().equals(volumeName))) {
                        users.add(dir.getFileName().toString());
                    }
                } catch (SystemException removedMeanwhile) {
                    // a container being removed: it no longer counts
                }
            }
        } catch (IOException e) {
            throw new SystemException("list containers: " + e.getMessage(), e);
        }
        return users;
    }
}
