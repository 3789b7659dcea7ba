package dev.berth.compose.loader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The short volume syntax, {@code [source:]target[:options]}, into a long-syntax mapping. A
 * source starting with ".", "/" or "~" is a bind mount (created when missing, as the short
 * syntax always did), another source a named volume, none an anonymous volume. Options are
 * comma separated: ro, rw, z, Z, nocopy, a propagation mode, a consistency mode. The source is
 * returned as written; {@link Canonical} makes bind sources absolute.
 */
final class VolumeSyntax {
    private static final List<String> PROPAGATION = List.of("shared", "rshared", "slave", "rslave", "private", "rprivate");
    private static final List<String> CONSISTENCY = List.of("consistent", "cached", "delegated");

    private VolumeSyntax() {}

    static Map<String, Object> parse(String spec) {
        String[] parts = spec.split(":", -1);
        String source = null;
        String target;
        String options = null;
        switch (parts.length) {
            case 1 -> target = parts[0];
            case 2 -> {
                source = parts[0];
                target = parts[1];
            }
            case 3 -> {
                source = parts[0];
                target = parts[1];
                options = parts[2];
            }
            default -> throw new IllegalArgumentException("invalid volume \"" + spec + "\": too many colons");
        }
        if (target.isEmpty() || (source != null && source.isEmpty())) {
            throw new IllegalArgumentException("invalid volume \"" + spec + "\": empty path");
        }
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("invalid volume \"" + spec + "\": the container path must be absolute");
        }
        boolean bind = source != null && (source.startsWith(".") || source.startsWith("/") || source.startsWith("~"));
        Map<String, Object> volume = new LinkedHashMap<>();
        volume.put("type", bind ? "bind" : "volume");
        if (source != null) {
            volume.put("source", source);
        }
        volume.put("target", target);
        Map<String, Object> bindOptions = new LinkedHashMap<>();
        Map<String, Object> volumeOptions = new LinkedHashMap<>();
        if (bind) {
            bindOptions.put("create_host_path", true);
        }
        if (options != null) {
            for (String opt : options.split(",")) {
                if (opt.equals("ro") || opt.equals("rw")) {
                    volume.put("read_only", opt.equals("ro"));
                } else if (opt.equals("z") || opt.equals("Z")) {
                    bindOptions.put("selinux", opt);
                } else if (opt.equals("nocopy")) {
                    volumeOptions.put("nocopy", true);
                } else if (PROPAGATION.contains(opt)) {
                    bindOptions.put("propagation", opt);
                } else if (CONSISTENCY.contains(opt)) {
                    volume.put("consistency", opt);
                } else {
                    throw new IllegalArgumentException("invalid volume \"" + spec + "\": unknown option \"" + opt + "\"");
                }
            }
        }
        if (!bindOptions.isEmpty()) {
            if (!bind) {
                throw new IllegalArgumentException("invalid volume \"" + spec + "\": bind options on a volume");
            }
            volume.put("bind", bindOptions);
        }
        if (!volumeOptions.isEmpty()) {
            volume.put("volume", volumeOptions);
        }
        return volume;
    }
}
