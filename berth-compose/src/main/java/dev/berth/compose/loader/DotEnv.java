package dev.berth.compose.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code .env} and {@code env_file} files: {@code KEY=value} lines, {@code export KEY=value},
 * {@code #} comments, single quotes (literal), double quotes (escapes \n \t \" \\ and
 * interpolation), unquoted values (trailing {@code # comment} cut, interpolation). A line with
 * only {@code KEY} declares the variable without a value: null, "take it from the environment".
 * Earlier keys of the same file are visible to later values' interpolation.
 */
final class DotEnv {
    private DotEnv() {}

    /**
     * The variables of {@code files} (later files win) under {@code over}: what interpolation
     * sees, the process environment over the {@code .env} files. Each file's values may use
     * {@code over}'s variables and those of earlier files.
     */
    static Map<String, String> under(Map<String, String> over, List<Path> files) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                Map<String, String> fromFile = parse(f.toString(), Files.readString(f),
                        k -> over.containsKey(k) ? over.get(k) : env.get(k));
                fromFile.forEach((k, v) -> {
                    if (v != null) {
                        env.put(k, v);
                    }
                });
            } catch (IOException e) {
                throw new ComposeFileException(f.toString(), null, "cannot read the env file: " + e.getMessage());
            }
        }
        env.putAll(over);
        return env;
    }

    /**
     * Parses {@code text}.
     *
     * @param lookup variables from outside the file (the process environment), for interpolation
     */
    static Map<String, String> parse(String file, String text, Function<String, String> lookup) {
        Map<String, String> vars = new LinkedHashMap<>();
        Function<String, String> scope = name -> vars.containsKey(name) && vars.get(name) != null ? vars.get(name) : lookup.apply(name);
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            if (key.isEmpty() || !key.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
                throw new ComposeFileException(file, null, "line " + (n + 1) + ": invalid variable name \"" + key + "\"");
            }
            if (eq < 0) {
                vars.put(key, null);
                continue;
            }
            String raw = line.substring(eq + 1).strip();
            String where = "line " + (n + 1);
            if (raw.startsWith("'")) {
                int end = raw.indexOf('\'', 1);
                if (end < 0) {
                    // a multi-line single-quoted value
                    StringBuilder sb = new StringBuilder(raw.substring(1));
                    while (end < 0 && ++n < lines.length) {
                        end = lines[n].indexOf('\'');
                        sb.append('\n').append(end < 0 ? lines[n] : lines[n].substring(0, end));
                    }
                    if (end < 0) {
                        throw new ComposeFileException(file, null, where + ": unterminated single quote");
                    }
                    vars.put(key, sb.toString());
                } else {
                    vars.put(key, raw.substring(1, end));
                }
            } else if (raw.startsWith("\"")) {
                StringBuilder value = new StringBuilder();
                String rest = raw.substring(1);
                while (true) {
                    int end = closingQuote(rest);
                    if (end >= 0) {
                        value.append(rest, 0, end);
                        break;
                    }
                    value.append(rest).append('\n');
                    if (++n >= lines.length) {
                        throw new ComposeFileException(file, null, where + ": unterminated double quote");
                    }
                    rest = lines[n];
                }
                String unescaped = unescape(value.toString());
                vars.put(key, Interpolation.substitute(unescaped, scope, file, KeyPath.ROOT.key(key), null));
            } else {
                int comment = raw.indexOf(" #");
                String value = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
                vars.put(key, Interpolation.substitute(value, scope, file, KeyPath.ROOT.key(key), null));
            }
        }
        return vars;
    }

    private static int closingQuote(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                sb.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
