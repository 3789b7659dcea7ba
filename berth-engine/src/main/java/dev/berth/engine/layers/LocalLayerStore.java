package dev.berth.engine.layers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.archive.ExtractResult;
import dev.berth.engine.archive.TarExtractor;
import dev.berth.engine.archive.TarSplit;
import dev.berth.engine.archive.Trees;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Layers on local disk: {@code <root>/<chain-hex>/diff} (the unpacked tree),
 * {@code layer.json} (diff ID, parent, sizes) and {@code tar-split} (to rebuild the exact
 * stream). New layers are unpacked in {@code <root>/.tmp-<uuid>} and renamed into place.
 */
public final class LocalLayerStore implements LayerStore {

    private static final String TMP_PREFIX = ".tmp-";
    private static final String DIFF = "diff";
    private static final String META = "layer.json";
    private static final String SPLIT = "tar-split";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Path root;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metadata(String chainId, String diffId, String parent, long size, long tarSize) {
    }

    /** {@code root} is the data root's {@code layers} directory. */
    public LocalLayerStore(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
        try (var leftovers = Files.newDirectoryStream(root, TMP_PREFIX + "*")) {
            for (Path p : leftovers) {
                Trees.deleteRecursively(p);
            }
        }
    }

    @Override
    public Layer register(ChainId parent, InputStream tarOrTgz) throws IOException {
        if (parent != null && !exists(parent)) {
            throw new NotFoundException("layer " + parent + ": not found");
        }
        Path tmp = root.resolve(TMP_PREFIX + UUID.randomUUID());
        boolean published = false;
        try {
            Files.createDirectory(tmp);
            Path diff = Files.createDirectory(tmp.resolve(DIFF));
            ExtractResult result = TarExtractor.extract(tarOrTgz, diff, tmp.resolve(SPLIT));
            DiffId diffId = new DiffId(result.diffId());
            ChainId chainId = ChainId.of(parent, diffId);
            Path target = dir(chainId);
            if (Files.isDirectory(target)) {
                return get(chainId);
            }
            Metadata meta = new Metadata(chainId.toString(), diffId.toString(),
                    parent == null ? null : parent.toString(), result.contentSize(), result.tarSize());
            AtomicFiles.write(tmp.resolve(META), JSON.writeValueAsBytes(meta));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                published = true;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                // registered concurrently by someone else: theirs is as good as ours
            }
            AtomicFiles.fsyncDirectory(root);
            return get(chainId);
        } finally {
            if (!published) {
                Trees.deleteRecursively(tmp);
            }
        }
    }

    @Override
    public Layer get(ChainId chainId) throws IOException {
        Metadata m;
        try {
            m = JSON.readValue(dir(chainId).resolve(META).toFile(), Metadata.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new NotFoundException("layer " + chainId + ": not found", e);
        }
        return new Layer(chainId, DiffId.parse(m.diffId()), m.parent() == null ? null : ChainId.parse(m.parent()),
                m.size(), m.tarSize(), diffPath(chainId));
    }

    @Override
    public boolean exists(ChainId chainId) {
        return Files.isRegularFile(dir(chainId).resolve(META));
    }

    @Override
    public boolean delete(ChainId chainId) throws IOException {
        Path dir = dir(chainId);
        if (!Files.exists(dir)) {
            return false;
        }
        // rename first: a crash mid-delete leaves a temporary directory, never half a layer
        Path doomed = root.resolve(TMP_PREFIX + "rm-" + UUID.randomUUID());
        Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.fsyncDirectory(root);
        Trees.deleteRecursively(doomed);
        return true;
    }

    @Override
    public Path diffPath(ChainId chainId) {
        return dir(chainId).resolve(DIFF);
    }

    @Override
    public List<Path> lowerDirs(ChainId top) throws IOException {
        List<Path> dirs = new ArrayList<>();
        ChainId next = top;
        while (next != null) {
            Layer layer = get(next);
            dirs.add(layer.diffPath());
            next = layer.parent();
        }
        return dirs;
    }

    @Override
    public void writeTar(ChainId chainId, OutputStream out) throws IOException {
        get(chainId);
        TarSplit.reassemble(dir(chainId).resolve(SPLIT), diffPath(chainId), out);
    }

    private Path dir(ChainId chainId) {
        return root.resolve(chainId.digest().hex());
    }
}
