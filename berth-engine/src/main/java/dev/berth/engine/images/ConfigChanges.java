package dev.berth.engine.images;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.images.ImageConfig.RunConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Dockerfile-like {@code --change} instructions of {@code docker import} and
 * {@code docker commit}: CMD, ENTRYPOINT, ENV, WORKDIR, USER, LABEL, EXPOSE, VOLUME, STOPSIGNAL,
 * applied in order to a run config.
 */
public final class ConfigChanges {

    private ConfigChanges() {
    }

    /** {@code base} with every change applied; InvalidArgumentException for anything else. */
    public static RunConfig apply(RunConfig base, List<String> changes) {
        RunConfig c = base;
        for (String change : changes == null ? List.<String>of() : changes) {
            String line = change.strip();
            if (line.isEmpty()) {
                continue;
            }
            int space = indexOfSpace(line);
            String keyword = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String arg = space < 0 ? "" : line.substring(space + 1).strip();
            c = switch (keyword) {
                case "CMD" -> with(c, "cmd", command(arg));
                case "ENTRYPOINT" -> with(c, "entrypoint", command(arg));
                case "ENV" -> with(c, "env", env(c.env(), arg));
                case "WORKDIR" -> with(c, "workingDir", arg);
                case "USER" -> with(c, "user", arg);
                case "LABEL" -> with(c, "labels", labels(c.labels(), arg));
                case "EXPOSE" -> with(c, "exposedPorts", set(c.exposedPorts(), ports(arg)));
                case "VOLUME" -> with(c, "volumes", set(c.volumes(), listOrWords(arg)));
                case "STOPSIGNAL" -> with(c, "stopSignal", arg);
                default -> throw new InvalidArgumentException(keyword.toLowerCase(Locale.ROOT)
                        + " is not a valid change command");
            };
        }
        return c;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** JSON (exec) form as is; shell form runs under /bin/sh -c. */
    private static List<String> command(String arg) {
        if (arg.startsWith("[")) {
            return jsonList(arg);
        }
        return List.of("/bin/sh", "-c", arg);
    }

    private static List<String> listOrWords(String arg) {
        return arg.startsWith("[") ? jsonList(arg) : words(arg);
    }

    private static List<String> jsonList(String arg) {
        try {
            return Json.MAPPER.readValue(arg, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid JSON array in change: " + arg, e);
        }
    }

    private static List<String> env(List<String> current, String arg) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (current != null) {
            for (String kv : current) {
                int eq = kv.indexOf('=');
                vars.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        vars.putAll(pairs(arg, "ENV"));
        List<String> out = new ArrayList<>();
        vars.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    private static Map<String, String> labels(Map<String, String> current, String arg) {
        Map<String, String> out = new LinkedHashMap<>(current == null ? Map.of() : current);
        out.putAll(pairs(arg, "LABEL"));
        return out;
    }

    /** {@code k=v k2="v 2"}, or the legacy {@code k v} form with one pair. */
    private static Map<String, String> pairs(String arg, String keyword) {
        List<String> words = words(arg);
        Map<String, String> out = new LinkedHashMap<>();
        if (!words.isEmpty() && !words.getFirst().contains("=")) {
            int space = indexOfSpace(arg);
            if (space < 0) {
                throw new InvalidArgumentException(keyword + " requires at least one argument");
            }
            out.put(arg.substring(0, space), arg.substring(space + 1).strip());
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new InvalidArgumentException(keyword + " names can not be blank: " + w);
            }
            out.put(w.substring(0, eq), w.substring(eq + 1));
        }
        return out;
    }

    /** Splits on blanks, honouring double and single quotes and backslash escapes. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else if (ch == '\\' && quote == '"' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                inWord = true;
            } else if (ch == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(ch);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new InvalidArgumentException("unmatched quote in: " + s);
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    private static List<String> ports(String arg) {
        List<String> out = new ArrayList<>();
        for (String p : words(arg)) {
            String port = p.contains("/") ? p.toLowerCase(Locale.ROOT) : p + "/tcp";
            if (!port.matches("[0-9]+(-[0-9]+)?/(tcp|udp|sctp)")) {
                throw new InvalidArgumentException("invalid containerPort: " + p);
            }
            out.add(port);
        }
        return out;
    }

    private static Map<String, Object> set(Map<String, Object> current, List<String> keys) {
        Map<String, Object> out = new LinkedHashMap<>(current == null ? Map.of() : current);
        for (String k : keys) {
            out.put(k, Map.of());
        }
        return out;
    }

    private static RunConfig with(RunConfig c, String field, Object value) {
        return new RunConfig(
                field.equals("user") ? (String) value : c.user(),
                field.equals("env") ? cast(value) : c.env(),
                field.equals("cmd") ? cast(value) : c.cmd(),
                field.equals("entrypoint") ? cast(value) : c.entrypoint(),
                field.equals("workingDir") ? (String) value : c.workingDir(),
                field.equals("labels") ? cast(value) : c.labels(),
                field.equals("exposedPorts") ? cast(value) : c.exposedPorts(),
                field.equals("volumes") ? cast(value) : c.volumes(),
                field.equals("stopSignal") ? (String) value : c.stopSignal(),
                c.healthcheck(), c.onBuild(), c.shell(), c.extra());
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
