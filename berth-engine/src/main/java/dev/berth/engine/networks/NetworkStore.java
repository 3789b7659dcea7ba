package dev.berth.engine.networks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network records: an in-memory index over {@code networks/<id>.json}, each written
 * atomically. Lookups accept a full ID, a name, or an unambiguous ID prefix, as dockerd's.
 * Not synchronized: {@link NetworkService} serialises every change.
 */
final class NetworkStore {

    private final Path root;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Map<String, Network> byId = new ConcurrentHashMap<>();

    NetworkStore(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
        AtomicFiles.removeLeftovers(root);
        try (var files = Files.newDirectoryStream(root, "*.json")) {
            for (Path file : files) {
                Network n = mapper.readValue(file.toFile(), Network.class);
                byId.put(n.id(), n);
            }
        }
    }

    void put(Network n) {
        try {
            AtomicFiles.write(root.resolve(n.id() + ".json"), mapper.writeValueAsBytes(n));
        } catch (IOException e) {
            throw new SystemException("failed to store network " + n.name() + ": " + e.getMessage(), e);
        }
        byId.put(n.id(), n);
    }

    void delete(Network n) {
        try {
            AtomicFiles.delete(root.resolve(n.id() + ".json"));
        } catch (IOException e) {
            throw new SystemException("failed to delete network " + n.name() + ": " + e.getMessage(), e);
        }
        byId.remove(n.id());
    }

    List<Network> all() {
        List<Network> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Network::created).thenComparing(Network::name));
        return all;
    }

    Optional<Network> byName(String name) {
        return byId.values().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Full ID, then name, then unique ID prefix: dockerd's order. */
    Network get(String ref) {
        Network exact = byId.get(ref);
        if (exact != null) {
            return exact;
        }
        Optional<Network> named = byName(ref);
        if (named.isPresent()) {
            return named.get();
        }
        List<Network> prefixed = byId.values().stream().filter(n -> n.id().startsWith(ref)).toList();
        if (prefixed.size() == 1 && !ref.isEmpty()) {
            return prefixed.getFirst();
        }
        throw new NotFoundException("network " + ref + " not found");
    }
}
