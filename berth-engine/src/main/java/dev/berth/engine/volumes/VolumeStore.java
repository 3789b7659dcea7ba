package dev.berth.engine.volumes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.berth.engine.archive.Trees;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.events.ObjectEvents;
import dev.berth.engine.metadata.AtomicFiles;
import dev.berth.posix.Mounts;
import dev.berth.posix.PosixException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The local volume driver's store: one directory per volume under its root,
 * {@code <name>/_data} (what containers mount) and {@code <name>/volume.json} (driver,
 * creation time, labels, options; written atomically, and last, so a directory without it
 * is an unfinished create and is removed at open).
 *
 * <p>A volume is in use while any container (running or not) names it in its mount table;
 * {@code users} answers which. In-use volumes refuse removal with a conflict, as dockerd's
 * 409. Volumes with local driver options (a tmpfs, a device, a bind of a host directory) get
 * that mounted on {@code _data} at first use, until the volume is removed.
 *
 * <p>Thread-safe: operations that change the set of volumes are serialised.
 */
public final class VolumeStore {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String METADATA = "volume.json";
    private static final String DATA = "_data";

    private volatile ObjectEvents events = ObjectEvents.NONE;
    private final Path root;
    private final Clock clock;
    private final Function<String, List<String>> users;

    /** What volume.json holds. */
    private record Metadata(String driver, Instant createdAt, Map<String, String> labels, Map<String, String> options) {
    }

    /** Opens the store under {@code root}, removing half-created volumes. */
    public VolumeStore(Path root, Clock clock, Function<String, List<String>> users) throws IOException {
        this.root = root;
        this.clock = clock;
        this.users = users;
        Files.createDirectories(root);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                if (Files.isDirectory(dir) && !Files.exists(dir.resolve(METADATA)) && !isMounted(dir.resolve(DATA))) {
                    Trees.deleteRecursively(dir);
                } else if (Files.isDirectory(dir)) {
                    AtomicFiles.removeLeftovers(dir);
                }
            }
        }
    }

    /**
     * Creates a volume, or returns the existing one of that name (as dockerd does). A null or
     * empty name creates an anonymous-style random name; the caller adds the anonymous label.
     */
    public synchronized Volume create(String name, String driver, Map<String, String> options, Map<String, String> labels) {
        String d = driver == null || driver.isEmpty() ? Volume.LOCAL_DRIVER : driver;
        if (!d.equals(Volume.LOCAL_DRIVER)) {
            throw new NotFoundException("error looking up volume plugin " + d + ": plugin \"" + d + "\" not found");
        }
        String n = name == null || name.isEmpty() ? randomName() : name;
        if (!Volume.isValidName(n)) {
            throw new InvalidArgumentException("create " + n + ": \"" + n + "\" includes invalid characters for a local"
                    + " volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host"
                    + " directory, use absolute path");
        }
        Optional<Volume> existing = find(n);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, String> opts = options == null ? Map.of() : new TreeMap<>(options);
        LocalOptions.parse(opts);
        Metadata meta = new Metadata(d, clock.instant(), labels == null ? Map.of() : new TreeMap<>(labels), opts);
        Path dir = root.resolve(n);
        try {
            Files.createDirectories(dir.resolve(DATA));
            AtomicFiles.write(dir.resolve(METADATA), JSON.writeValueAsBytes(meta));
        } catch (IOException e) {
            throw new SystemException("create " + n + ": " + e.getMessage(), e);
        }
        events.emit("create", n, Map.of("driver", d));
        return volume(n, meta);
    }

    /** A container mounted or unmounted the volume {@code name}: dockerd's mount and unmount events. */
    public void announce(String action, String name, Map<String, String> attributes) {
        events.emit(action, name, attributes);
    }

    /** Where create, destroy and prune are reported (dockerd's volume events); none by default. */
    public void reportTo(ObjectEvents events) {
        this.events = events;
    }

    public Volume get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("get " + name + ": no such volume"));
    }

    public Optional<Volume> find(String name) {
        if (!Volume.isValidName(name)) {
            return Optional.empty();
        }
        Path meta = root.resolve(name).resolve(METADATA);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            return Optional.of(volume(name, JSON.readValue(meta.toFile(), Metadata.class)));
        } catch (IOException e) {
            throw new SystemException("read volume " + name + ": " + e.getMessage(), e);
        }
    }

    /** Every volume, by name. */
    public List<Volume> list() {
        List<Volume> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                find(dir.getFileName().toString()).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new SystemException("list volumes: " + e.getMessage(), e);
        }
        return out;
    }

    /** IDs of the containers whose mount tables name the volume. */
    public List<String> usersOf(String name) {
        return users.apply(name);
    }

    /**
     * Removes a volume and its data. In use: a conflict naming the containers. Missing: not
     * found, unless {@code force}.
     */
    public synchronized void remove(String name, boolean force) {
        Optional<Volume> v = find(name);
        if (v.isEmpty()) {
            if (force) {
                return;
            }
            throw new NotFoundException("get " + name + ": no such volume");
        }
        List<String> using = users.apply(name);
        if (!using.isEmpty()) {
            throw new ConflictException("remove " + name + ": volume is in use - [" + String.join(", ", using) + "]");
        }
        delete(v.get());
    }

    /** What prune removed. */
    public record Pruned(List<String> names, long bytes) {
    }

    /** Removes the volumes no container uses that {@code filter} accepts. */
    public synchronized Pruned prune(Predicate<Volume> filter) {
        List<String> names = new ArrayList<>();
        long bytes = 0;
        for (Volume v : list()) {
            if (filter.test(v) && users.apply(v.name()).isEmpty()) {
                long size = size(v);
                delete(v);
                names.add(v.name());
                bytes += size;
            }
        }
        events.emit("prune", "", Map.of("reclaimed", Long.toString(bytes)));
        return new Pruned(names, bytes);
    }

    /** Bytes used by the regular files of a volume. */
    public long size(Volume v) {
        long[] total = {0};
        try (Stream<Path> walk = Files.walk(v.mountpoint())) {
            walk.filter(Files::isRegularFile).forEach(p -> total[0] += p.toFile().length());
        } catch (IOException | java.io.UncheckedIOException e) {
            return total[0];
        }
        return total[0];
    }

    /**
     * Makes the volume's data directory ready to be bound into a container: with local
     * driver options, mounts the device on it the first time.
     */
    public synchronized Path activate(Volume v) {
        LocalOptions opts = LocalOptions.parse(v.options());
        if (opts.isPlainDirectory() || isMounted(v.mountpoint())) {
            return v.mountpoint();
        }
        try {
            if (opts.isBind()) {
                Mounts.mount(opts.device(), v.mountpoint(), null, Mounts.MS_BIND | Mounts.MS_REC, null);
            } else {
                Mounts.mount(opts.device(), v.mountpoint(), opts.type(), opts.readOnly() ? Mounts.MS_RDONLY : 0,
                        opts.data().isEmpty() ? null : opts.data());
            }
        } catch (PosixException e) {
            throw new SystemException("error while mounting volume '" + v.mountpoint() + "': " + e.getMessage(), e);
        }
        return v.mountpoint();
    }

    private void delete(Volume v) {
        Path dir = root.resolve(v.name());
        try {
            if (isMounted(v.mountpoint())) {
                Mounts.unmount(v.mountpoint(), Mounts.MNT_DETACH);
            }
            // The metadata goes first: a crash half-way leaves a directory that open() removes.
            AtomicFiles.delete(dir.resolve(METADATA));
            Trees.deleteRecursively(dir);
        } catch (IOException e) {
            throw new SystemException("remove " + v.name() + ": " + e.getMessage(), e);
        }
        events.emit("destroy", v.name(), Map.of("driver", v.driver()));
    }

    private Volume volume(String name, Metadata meta) {
        return new Volume(name, meta.driver(), root.resolve(name).resolve(DATA), meta.createdAt(),
                meta.labels() == null ? Map.of() : meta.labels(), meta.options() == null ? Map.of() : meta.options());
    }

    static String randomName() {
        byte[] b = new byte[32];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static boolean isMounted(Path dir) {
        try {
            String target = " " + dir.toAbsolutePath() + " ";
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().anyMatch(l -> l.contains(target));
        } catch (IOException e) {
            return false;
        }
    }

}
