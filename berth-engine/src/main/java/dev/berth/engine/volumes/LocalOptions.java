package dev.berth.engine.volumes;

import dev.berth.engine.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local driver's options ({@code -o type=tmpfs -o device=tmpfs -o o=size=10m}, or
 * {@code type=none,device=/host/dir,o=bind}): what to mount on the volume's directory while
 * a container uses it. Empty options mean a plain directory.
 *
 * @param type   the filesystem type given to mount(2) ("none" for a bind)
 * @param device the mount source
 * @param o      comma-separated mount options; {@code bind} makes it a bind mount, the rest
 *               are flags (ro, nosuid...) or data (size=...) as mount(8) splits them
 */
record LocalOptions(String type, String device, String o) {

    private static final List<String> KEYS = List.of("type", "device", "o", "size");

    static LocalOptions parse(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidArgumentException("invalid option key: \"" + key + "\"");
            }
        }
        String type = options.getOrDefault("type", "");
        String device = options.getOrDefault("device", "");
        String o = options.getOrDefault("o", "");
        if (options.containsKey("size")) {
            o = o.isEmpty() ? "size=" + options.get("size") : o + ",size=" + options.get("size");
        }
        if (!options.isEmpty() && type.isEmpty() && !o.contains("bind")) {
            throw new InvalidArgumentException("missing required option: \"type\"");
        }
        if (!options.isEmpty() && device.isEmpty()) {
            throw new InvalidArgumentException("missing required option: \"device\"");
        }
        return new LocalOptions(type, device, o);
    }

    boolean isPlainDirectory() {
        return type.isEmpty() && device.isEmpty();
    }

    boolean isBind() {
        return List.of(o.split(",")).contains("bind");
    }

    /** The options mount(2) takes as data (everything but the flag words). */
    String data() {
        List<String> data = new ArrayList<>();
        for (String opt : o.split(",")) {
            if (!opt.isEmpty() && !FLAG_WORDS.contains(opt)) {
                data.add(opt);
            }
        }
        return String.join(",", data);
    }

    boolean readOnly() {
        return List.of(o.split(",")).contains("ro");
    }

    private static final List<String> FLAG_WORDS = List.of("bind", "rbind", "ro", "rw", "nosuid", "nodev",
            "noexec", "suid", "dev", "exec", "defaults");
}
