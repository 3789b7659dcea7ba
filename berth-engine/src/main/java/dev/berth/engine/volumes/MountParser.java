package dev.berth.engine.volumes;

import dev.berth.api.types.container.HostConfig;
import dev.berth.api.types.container.Mount;
import dev.berth.engine.error.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a create request's {@code Binds} ({@code -v}), {@code Mounts} ({@code --mount}),
 * {@code Tmpfs} ({@code --tmpfs}) and the image's {@code Volumes} into mount requests, with
 * dockerd's validation and words. A pure function apart from checking that a
 * {@code --mount type=bind} source exists.
 */
final class MountParser {

    private static final Set<String> MODE_WORDS = Set.of("ro", "rw", "z", "Z", "nocopy", "shared", "rshared",
            "slave", "rslave", "private", "rprivate", "consistent", "cached", "delegated");
    private static final Set<String> PROPAGATIONS = Set.of("shared", "rshared", "slave", "rslave", "private",
            "rprivate");
    static final String DEFAULT_PROPAGATION = "rprivate";
    private static final List<String> TMPFS_DEFAULTS = List.of("noexec", "nosuid", "nodev");

    private MountParser() {
    }

    /** The user's mounts ({@code -v}, {@code --mount}, {@code --tmpfs}); two on one destination are refused. */
    static List<MountRequest> user(HostConfig host) {
        List<MountRequest> user = new ArrayList<>();
        if (host.binds() != null) {
            host.binds().forEach(b -> user.add(bind(b)));
        }
        if (host.mounts() != null) {
            host.mounts().forEach(m -> user.add(mount(m)));
        }
        if (host.tmpfs() != null) {
            host.tmpfs().forEach((dst, opts) -> user.add(tmpfs(dst, opts)));
        }
        Set<String> seen = new java.util.HashSet<>();
        for (MountRequest m : user) {
            if (!seen.add(m.destination())) {
                throw new InvalidArgumentException("Duplicate mount point: " + m.destination());
            }
        }
        return user;
    }

    /** An anonymous volume for a {@code VOLUME} of the image or of the request's {@code Volumes}. */
    static MountRequest anonymous(String destination) {
        if (!destination.startsWith("/")) {
            throw new InvalidArgumentException("invalid mount path: '" + destination + "' mount path must be absolute");
        }
        return new MountRequest(ContainerMount.Type.VOLUME, "", clean(destination), false, "", "", true, List.of(),
                true, false, null, Map.of(), Map.of());
    }

    /** {@code -v [src:]dst[:mode]}: an absolute src binds a host path, another names a volume, none is anonymous. */
    static MountRequest bind(String spec) {
        String[] parts = spec.split(":", -1);
        String src;
        String dst;
        String mode;
        switch (parts.length) {
            case 1 -> {
                src = "";
                dst = parts[0];
                mode = "";
            }
            case 2 -> {
                boolean modeOnly = !parts[1].startsWith("/") && validMode(parts[1]);
                src = modeOnly ? "" : parts[0];
                dst = modeOnly ? parts[0] : parts[1];
                mode = modeOnly ? parts[1] : "";
            }
            case 3 -> {
                src = parts[0];
                dst = parts[1];
                mode = parts[2];
            }
            default -> throw new InvalidArgumentException("invalid volume specification: '" + spec + "'");
        }
        if (dst.isEmpty() || !dst.startsWith("/")) {
            throw new InvalidArgumentException("invalid volume specification: '" + spec
                    + "': invalid mount config for type \"" + (src.startsWith("/") ? "bind" : "volume")
                    + "\": invalid mount path: '" + dst + "' mount path must be absolute");
        }
        if (clean(dst).equals("/")) {
            throw new InvalidArgumentException("invalid volume specification: '" + spec
                    + "': invalid mount config for type \"" + (src.startsWith("/") ? "bind" : "volume")
                    + "\": invalid specification: destination can't be '/'");
        }
        if (!mode.isEmpty() && !validMode(mode)) {
            throw new InvalidArgumentException("invalid mode: " + mode);
        }
        List<String> words = List.of(mode.split(","));
        boolean ro = words.contains("ro");
        if (src.startsWith("/")) {
            String propagation = words.stream().filter(PROPAGATIONS::contains).findFirst().orElse(DEFAULT_PROPAGATION);
            return new MountRequest(ContainerMount.Type.BIND, clean(src), clean(dst), ro, mode, propagation, false,
                    List.of(), true, true, null, Map.of(), Map.of());
        }
        if (!src.isEmpty() && !Volume.isValidName(src)) {
            throw new InvalidArgumentException("create " + src + ": \"" + src + "\" includes invalid characters for a"
                    + " local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a"
                    + " host directory, use absolute path");
        }
        return new MountRequest(ContainerMount.Type.VOLUME, src, clean(dst), ro, mode.isEmpty() && !src.isEmpty() ? "z" : mode, "",
                !words.contains("nocopy"), List.of(), true, false, null, Map.of(), Map.of());
    }

    /** {@code --mount type=bind|volume|tmpfs,...} as the API's Mount object. */
    static MountRequest mount(Mount m) {
        String type = m.type() == null ? "" : m.type();
        String target = m.target() == null ? "" : m.target();
        String source = m.source() == null ? "" : m.source();
        boolean ro = Boolean.TRUE.equals(m.readOnly());
        String prefix = "invalid mount config for type \"" + type + "\": ";
        if (target.isEmpty()) {
            throw new InvalidArgumentException(prefix + "field Target must not be empty");
        }
        if (!target.startsWith("/")) {
            throw new InvalidArgumentException(prefix + "invalid mount path: '" + target + "' mount path must be absolute");
        }
        switch (type) {
            case "bind" -> {
                if (source.isEmpty()) {
                    throw new InvalidArgumentException(prefix + "field Source must not be empty");
                }
                if (!Files.exists(Path.of(source))) {
                    throw new InvalidArgumentException(prefix + "bind source path does not exist: " + source);
                }
                String propagation = m.bindOptions() != null && m.bindOptions().propagation() != null
                        && !m.bindOptions().propagation().isEmpty() ? m.bindOptions().propagation() : DEFAULT_PROPAGATION;
                return new MountRequest(ContainerMount.Type.BIND, clean(source), clean(target), ro, "", propagation,
                        false, List.of(), true, false, null, Map.of(), Map.of());
            }
            case "volume" -> {
                Mount.VolumeOptions vo = m.volumeOptions();
                boolean noCopy = vo != null && Boolean.TRUE.equals(vo.noCopy());
                String driver = vo != null && vo.driverConfig() != null ? vo.driverConfig().name() : null;
                Map<String, String> opts = vo != null && vo.driverConfig() != null ? vo.driverConfig().options() : null;
                return new MountRequest(ContainerMount.Type.VOLUME, source, clean(target), ro, "z", "", !noCopy,
                        List.of(), true, false, driver, opts, vo == null ? null : vo.labels());
            }
            case "tmpfs" -> {
                if (!source.isEmpty()) {
                    throw new InvalidArgumentException(prefix + "field Source must not be specified");
                }
                List<String> opts = new ArrayList<>();
                if (m.tmpfsOptions() != null && m.tmpfsOptions().sizeBytes() != null && m.tmpfsOptions().sizeBytes() > 0) {
                    opts.add("size=" + m.tmpfsOptions().sizeBytes());
                }
                if (m.tmpfsOptions() != null && m.tmpfsOptions().mode() != null && m.tmpfsOptions().mode() != 0) {
                    opts.add("mode=" + Integer.toOctalString(m.tmpfsOptions().mode()));
                }
                if (ro) {
                    opts.add("ro");
                }
                return new MountRequest(ContainerMount.Type.TMPFS, "", clean(target), ro, "", "", false,
                        tmpfsOptions(opts), true, false, null, Map.of(), Map.of());
            }
            default -> throw new InvalidArgumentException("mount type unknown");
        }
    }

    /** {@code --tmpfs /dst[:opts]}: not listed in inspect's Mounts, as in Docker. */
    static MountRequest tmpfs(String destination, String options) {
        if (!destination.startsWith("/")) {
            throw new InvalidArgumentException("invalid mount path: '" + destination + "' mount path must be absolute");
        }
        List<String> given = options == null || options.isEmpty() ? List.of() : List.of(options.split(","));
        return new MountRequest(ContainerMount.Type.TMPFS, "", clean(destination), given.contains("ro"), "", "", false,
                tmpfsOptions(given), false, false, null, Map.of(), Map.of());
    }

    /** Docker's defaults (noexec, nosuid, nodev) merged with the user's: a later word of a pair wins. */
    static List<String> tmpfsOptions(List<String> given) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String opt : concat(TMPFS_DEFAULTS, given)) {
            if (opt.isEmpty()) {
                continue;
            }
            merged.put(key(opt), opt);
        }
        return List.copyOf(merged.values());
    }

    private static String key(String opt) {
        int eq = opt.indexOf('=');
        if (eq > 0) {
            return opt.substring(0, eq);
        }
        return switch (opt) {
            case "exec", "noexec" -> "exec";
            case "suid", "nosuid" -> "suid";
            case "dev", "nodev" -> "dev";
            case "ro", "rw" -> "rw";
            default -> opt;
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean validMode(String mode) {
        for (String w : mode.split(",")) {
            if (!MODE_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    static String clean(String path) {
        String p = Path.of(path).normalize().toString();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
