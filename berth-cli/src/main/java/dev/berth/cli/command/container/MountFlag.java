package dev.berth.cli.command.container;

import dev.berth.api.types.container.Mount;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code --mount type=bind|volume|tmpfs,source=..,target=..,readonly,...} into the
 * API's Mount object, with docker's keys and aliases (src, dst, destination, ro) and its
 * default type (volume).
 */
final class MountFlag {

    private MountFlag() {
    }

    static Mount parse(String value) {
        String type = "volume";
        String source = null;
        String target = null;
        Boolean readOnly = null;
        String propagation = null;
        Boolean noCopy = null;
        String driver = null;
        Map<String, String> driverOpts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Long size = null;
        Integer mode = null;
        for (String field : value.split(",")) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String val = eq < 0 ? null : field.substring(eq + 1);
            switch (key) {
                case "type" -> type = required(key, val);
                case "source", "src" -> source = required(key, val);
                case "target", "dst", "destination" -> target = required(key, val);
                case "readonly", "ro" -> readOnly = bool(key, val);
                case "bind-propagation" -> propagation = required(key, val);
                case "volume-nocopy" -> noCopy = bool(key, val);
                case "volume-driver" -> driver = required(key, val);
                case "volume-opt" -> put(driverOpts, required(key, val));
                case "volume-label" -> put(labels, required(key, val));
                case "tmpfs-size" -> size = bytes(required(key, val));
                case "tmpfs-mode" -> mode = Integer.parseInt(required(key, val), 8);
                case "consistency", "bind-nonrecursive", "volume-subpath" -> {
                    // accepted and ignored, as on Linux
                }
                default -> throw new IllegalArgumentException("invalid argument \"" + value
                        + "\" for \"--mount\" flag: unexpected key '" + key + "' in '" + field + "'");
            }
        }
        Mount.BindOptions bind = propagation == null ? null : new Mount.BindOptions(propagation, null, null);
        Mount.VolumeOptions volume = noCopy == null && driver == null && driverOpts.isEmpty() && labels.isEmpty()
                ? null
                : new Mount.VolumeOptions(noCopy, labels.isEmpty() ? null : labels,
                        driver == null && driverOpts.isEmpty() ? null
                                : new Mount.DriverConfig(driver, driverOpts.isEmpty() ? null : driverOpts), null);
        Mount.TmpfsOptions tmpfs = size == null && mode == null ? null : new Mount.TmpfsOptions(size, mode);
        return new Mount(type, source, target, readOnly, bind, volume, tmpfs);
    }

    /**
     * The mount as the plain maps the create body is written from ({@code JsonValues} writes
     * maps, lists and scalars only, so the run path needs no ObjectMapper).
     */
    static Map<String, Object> toBody(Mount m) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        putIfSet(body, "Type", m.type());
        putIfSet(body, "Source", m.source());
        putIfSet(body, "Target", m.target());
        putIfSet(body, "ReadOnly", m.readOnly());
        if (m.bindOptions() != null) {
            Map<String, Object> bind = new java.util.LinkedHashMap<>();
            putIfSet(bind, "Propagation", m.bindOptions().propagation());
            putIfSet(bind, "NonRecursive", m.bindOptions().nonRecursive());
            putIfSet(bind, "CreateMountpoint", m.bindOptions().createMountpoint());
            body.put("BindOptions", bind);
        }
        if (m.volumeOptions() != null) {
            Map<String, Object> volume = new java.util.LinkedHashMap<>();
            putIfSet(volume, "NoCopy", m.volumeOptions().noCopy());
            putIfSet(volume, "Labels", m.volumeOptions().labels());
            if (m.volumeOptions().driverConfig() != null) {
                Map<String, Object> driver = new java.util.LinkedHashMap<>();
                putIfSet(driver, "Name", m.volumeOptions().driverConfig().name());
                putIfSet(driver, "Options", m.volumeOptions().driverConfig().options());
                volume.put("DriverConfig", driver);
            }
            putIfSet(volume, "Subpath", m.volumeOptions().subpath());
            body.put("VolumeOptions", volume);
        }
        if (m.tmpfsOptions() != null) {
            Map<String, Object> tmpfs = new java.util.LinkedHashMap<>();
            putIfSet(tmpfs, "SizeBytes", m.tmpfsOptions().sizeBytes());
            putIfSet(tmpfs, "Mode", m.tmpfsOptions().mode());
            body.put("TmpfsOptions", tmpfs);
        }
        return body;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String required(String key, String val) {
        if (val == null || val.isEmpty()) {
            throw new IllegalArgumentException("invalid field '" + key + "' must be a key=value pair");
        }
        return val;
    }

    private static Boolean bool(String key, String val) {
        if (val == null) {
            return true;
        }
        return switch (val.toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("invalid value for " + key + ": " + val);
        };
    }

    private static void put(Map<String, String> map, String kv) {
        int eq = kv.indexOf('=');
        map.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
    }

    /** A size with an optional binary unit (k, m, g, t; b), as docker's RAMInBytes reads it. */
    static long bytes(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("b") && v.length() > 1 && !Character.isDigit(v.charAt(v.length() - 2))) {
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("b")) {
            v = v.substring(0, v.length() - 1);
        }
        long unit = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            case 't' -> unit = 1L << 40;
            default -> unit = 1;
        }
        String number = unit == 1 ? v : v.substring(0, v.length() - 1);
        try {
            return (long) (Double.parseDouble(number) * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid size: '" + s + "'");
        }
    }
}
