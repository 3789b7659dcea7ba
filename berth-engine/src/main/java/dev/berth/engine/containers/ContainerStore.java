package dev.berth.engine.containers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import dev.berth.engine.error.SystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The container records: an in-memory index over {@code containers/<id>/config.json}, each
 * written atomically. Names are unique; lookups accept a full ID, a name (with or without
 * dockerd's leading slash) or an unambiguous ID prefix, as the Docker CLI lets users type.
 *
 * <p>Thread-safety: every mutation is synchronized on the store; reads see a consistent map.
 */
public final class ContainerStore {

    static final String RECORD_FILE = "config.json";

    private final Path root;
    private final ObjectMapper mapper;
    private final Map<ContainerId, ContainerRecord> byId = new ConcurrentHashMap<>();

    /** Loads every record under {@code root}; a directory without a record is a crash leftover. */
    public ContainerStore(Path root) throws IOException {
        this.root = root;
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        Files.createDirectories(root);
        try (var dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                Path file = dir.resolve(RECORD_FILE);
                AtomicFiles.removeLeftovers(dir);
                if (Files.isRegularFile(file)) {
                    ContainerRecord record = mapper.readValue(file.toFile(), ContainerRecord.class);
                    byId.put(record.id(), record);
                }
            }
        }
    }

    /** The directory that holds everything of one container (record, writable layer, log). */
    public Path directory(ContainerId id) {
        return root.resolve(id.hex());
    }

    public synchronized void create(ContainerRecord record) {
        requireNameFree(record.name(), record.id());
        write(record);
        byId.put(record.id(), record);
    }

    public synchronized void update(ContainerRecord record) {
        if (!byId.containsKey(record.id())) {
            throw new NotFoundException("No such container: " + record.id());
        }
        requireNameFree(record.name(), record.id());
        write(record);
        byId.put(record.id(), record);
    }

    /** Forgets a record and deletes its file; the caller removes the rest of the directory. */
    public synchronized void delete(ContainerId id) {
        try {
            AtomicFiles.delete(directory(id).resolve(RECORD_FILE));
        } catch (IOException e) {
            throw new SystemException("failed to remove container record " + id + ": " + e.getMessage(), e);
        }
        byId.remove(id);
    }

    public ContainerRecord get(String idOrName) {
        return find(idOrName).orElseThrow(() -> new NotFoundException("No such container: " + idOrName));
    }

    public Optional<ContainerRecord> find(String idOrName) {
        if (idOrName == null || idOrName.isEmpty()) {
            return Optional.empty();
        }
        String name = idOrName.startsWith("/") ? idOrName.substring(1) : idOrName;
        for (ContainerRecord r : byId.values()) {
            if (r.id().hex().equals(idOrName) || r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        List<ContainerRecord> byPrefix = byId.values().stream()
                .filter(r -> r.id().hex().startsWith(idOrName)).toList();
        if (byPrefix.size() > 1) {
            throw new NotFoundException("No such container: " + idOrName
                    + " (multiple IDs found with provided prefix)");
        }
        return byPrefix.stream().findFirst();
    }

    public boolean isNameTaken(String name) {
        return byId.values().stream().anyMatch(r -> r.name().equals(name));
    }

    /** Every record, newest first (the order of {@code docker ps}). */
    public List<ContainerRecord> list() {
        List<ContainerRecord> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(ContainerRecord::created).reversed());
        return all;
    }

    private void requireNameFree(String name, ContainerId owner) {
        for (ContainerRecord r : byId.values()) {
            if (r.name().equals(name) && !r.id().equals(owner)) {
                throw new ConflictException("Conflict. The container name \"/" + name
                        + "\" is already in use by container \"" + r.id() + "\". You have to remove"
                        + " (or rename) that container to be able to reuse that name.");
            }
        }
    }

    private void write(ContainerRecord record) {
        try {
            AtomicFiles.write(directory(record.id()).resolve(RECORD_FILE),
                    mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
        } catch (IOException e) {
            throw new SystemException("failed to save container " + record.id() + ": " + e.getMessage(), e);
        }
    }
}
