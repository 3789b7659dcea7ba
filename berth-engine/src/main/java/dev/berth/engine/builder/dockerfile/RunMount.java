package dev.berth.engine.builder.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code RUN --mount=...} as written, BuildKit's options checked: its words ({@code target},
 * {@code source}, {@code from}, {@code id}) stay raw and are expanded by the builder, as the
 * instruction's other words are; numbers and choices are parsed here, so a malformed mount is an
 * error at its line before anything runs.
 *
 * @param target   where it appears in the build container (null: the type's default, secret and ssh only)
 * @param source   bind and cache: the path in {@code from} (null: its root)
 * @param from     bind and cache: a stage or image (null: the build context; for a cache, an empty directory)
 * @param id       cache: the cache's name (null: the target); secret and ssh: what to mount
 * @param readOnly bind: unless {@code rw}; cache: {@code ro}
 * @param required secret and ssh: a missing one fails the step instead of mounting nothing
 * @param mode     cache, secret, ssh: the mode the mount's root gets (null: the type's default)
 * @param size     tmpfs: its size in bytes (null: the kernel's default)
 * @param env      secret: the environment variable it is exposed as (null: none)
 */
public record RunMount(Type type, String target, String source, String from, String id, Sharing sharing,
                       boolean readOnly, boolean required, Integer mode, Integer uid, Integer gid, Long size,
                       String env) {

    /** BuildKit's mount types; {@code bind} is the default. */
    public enum Type { BIND, CACHE, TMPFS, SECRET, SSH }

    /** How concurrent builds share a cache mount: all at once, each its own, or one after another. */
    public enum Sharing { SHARED, PRIVATE, LOCKED }

    /** The value of one {@code --mount} flag: comma-separated {@code key=value} fields, quoted as CSV. */
    public static RunMount parse(String value) {
        Type type = Type.BIND;
        String target = null;
        String source = null;
        String from = null;
        String id = null;
        Sharing sharing = Sharing.SHARED;
        Boolean readOnly = null;
        boolean required = false;
        Integer mode = null;
        Integer uid = null;
        Integer gid = null;
        Long size = null;
        String env = null;
        for (String field : fields(value)) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String v = eq < 0 ? null : field.substring(eq + 1);
            switch (key) {
                case "type" -> type = type(v);
                case "target", "dst", "destination" -> target = nonEmpty(key, v);
                case "source", "src" -> source = nonEmpty(key, v);
                case "from" -> from = nonEmpty(key, v);
                case "id" -> id = nonEmpty(key, v);
                case "sharing" -> sharing = sharing(v);
                case "ro", "readonly" -> readOnly = bool(key, v);
                case "rw", "readwrite" -> readOnly = !bool(key, v);
                case "required" -> required = bool(key, v);
                case "mode" -> mode = (int) number(key, v, 8, 07777);
                case "uid" -> uid = (int) number(key, v, 10, Integer.MAX_VALUE);
                case "gid" -> gid = (int) number(key, v, 10, Integer.MAX_VALUE);
                case "size" -> size = bytes(key, v);
                case "env" -> env = nonEmpty(key, v);
                default -> throw new IllegalArgumentException("unexpected key '" + key + "' in '" + field + "'");
            }
        }
        String name = type.name().toLowerCase(Locale.ROOT);
        switch (type) {
            case BIND, CACHE, TMPFS -> {
                if (target == null) {
                    throw new IllegalArgumentException("mount type=" + name + " requires a target");
                }
            }
            case SECRET -> {
                if (id == null && target == null) {
                    throw new IllegalArgumentException("mount type=secret requires an id or a target");
                }
                if (id == null) {
                    id = target.substring(target.lastIndexOf('/') + 1);
                }
            }
            case SSH -> id = id == null ? "default" : id;
        }
        if ((from != null || source != null) && (type == Type.TMPFS || type == Type.SECRET || type == Type.SSH)) {
            throw new IllegalArgumentException("mount type=" + name + " takes no "
                    + (from != null ? "from" : "source"));
        }
        if (size != null && type != Type.TMPFS) {
            throw new IllegalArgumentException("size is only for mount type=tmpfs");
        }
        if (type == Type.CACHE && id == null) {
            id = target;
        }
        boolean ro = readOnly != null ? readOnly : type == Type.BIND;
        return new RunMount(type, target, source, from, id, sharing, ro, required, mode, uid, gid, size, env);
    }

    /** CSV fields: a field may be double-quoted (with "" for a quote), as BuildKit reads the flag. */
    private static List<String> fields(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("invalid mount: unterminated quote in '" + value + "'");
        }
        out.add(field.toString());
        if (out.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("invalid mount: empty field in '" + value + "'");
        }
        return out;
    }

    private static Type type(String v) {
        try {
            return Type.valueOf(nonEmpty("type", v).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported mount type \"" + v + "\"");
        }
    }

    private static Sharing sharing(String v) {
        try {
            return Sharing.valueOf(nonEmpty("sharing", v).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported sharing value \"" + v + "\"");
        }
    }

    private static String nonEmpty(String key, String v) {
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("invalid value for " + key + ": it needs a value (" + key + "=...)");
        }
        return v;
    }

    private static boolean bool(String key, String v) {
        if (v == null) {
            return true;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("invalid value for " + key + ": " + v);
        };
    }

    private static long number(String key, String v, int radix, long max) {
        try {
            long n = Long.parseLong(nonEmpty(key, v), radix);
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value for " + key + ": " + v);
        }
    }

    /** Bytes, or a number with a k, m or g suffix (binary units, as docker's RAMInBytes). */
    private static long bytes(String key, String v) {
        String s = nonEmpty(key, v).toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        long unit = 1;
        if (!s.isEmpty() && "kmg".indexOf(s.charAt(s.length() - 1)) >= 0) {
            unit = 1L << (10 * ("kmg".indexOf(s.charAt(s.length() - 1)) + 1));
            s = s.substring(0, s.length() - 1);
        }
        return number(key, s.isEmpty() ? v : s, 10, Long.MAX_VALUE / unit) * unit;
    }
}
