package dev.berth.compose.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Variable substitution in compose files, as the Compose Specification defines it:
 * {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}} (unset or empty), {@code ${VAR-default}}
 * (unset), {@code ${VAR:?error}} / {@code ${VAR?error}} (required), {@code ${VAR:+replacement}} /
 * {@code ${VAR+replacement}} (when set), {@code $$} for a literal dollar. Defaults, errors and
 * replacements may themselves contain substitutions. An unset variable without a default is
 * empty, with a warning. Only values are substituted, never keys.
 */
final class Interpolation {
    private Interpolation() {}

    /** The tree with every string value substituted; top-level {@code x-} extensions are skipped. */
    static Map<String, Object> interpolate(Map<String, Object> tree, Function<String, String> lookup, String file, Consumer<String> warnings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            Object v = e.getKey().startsWith("x-") ? e.getValue() : walk(e.getValue(), lookup, file, KeyPath.ROOT.key(e.getKey()), warnings);
            out.put(e.getKey(), v);
        }
        return out;
    }

    private static Object walk(Object node, Function<String, String> lookup, String file, KeyPath path, Consumer<String> warnings) {
        if (node instanceof String s) {
            return substitute(s, lookup, file, path, warnings);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = (String) e.getKey();
                out.put(k, walk(e.getValue(), lookup, file, path.key(k), warnings));
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(walk(list.get(i), lookup, file, path.index(i), warnings));
            }
            return out;
        }
        return node;
    }

    /**
     * Substitutes the variables in {@code text}.
     *
     * @param lookup   a variable's value, or null when unset
     * @param warnings receives "not set" warnings; null: none
     * @throws ComposeFileException for a malformed template or a missing required variable
     */
    static String substitute(String text, Function<String, String> lookup, String file, KeyPath path, Consumer<String> warnings) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (i + 1 < text.length() && isNameStart(text.charAt(i + 1))) {
                int end = nameEnd(text, i + 1);
                out.append(plain(text.substring(i + 1, end), lookup, warnings));
                i = end;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int close = closingBrace(text, i + 2);
                if (close < 0) {
                    throw invalid(text, file, path);
                }
                out.append(braced(text.substring(i + 2, close), text, lookup, file, path, warnings));
                i = close + 1;
            } else {
                throw invalid(text, file, path);
            }
        }
        return out.toString();
    }

    private static String braced(String inner, String text, Function<String, String> lookup, String file, KeyPath path, Consumer<String> warnings) {
        if (inner.isEmpty() || !isNameStart(inner.charAt(0))) {
            throw invalid(text, file, path);
        }
        int end = nameEnd(inner, 0);
        String name = inner.substring(0, end);
        String rest = inner.substring(end);
        if (rest.isEmpty()) {
            return plain(name, lookup, warnings);
        }
        String value = lookup.apply(name);
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(1, Math.min(2, rest.length())) : rest.substring(0, 1);
        String word = rest.substring(colon ? 2 : 1);
        if (colon && rest.length() < 2) {
            throw invalid(text, file, path);
        }
        // With a colon, empty counts as unset; without, only unset does.
        boolean missing = value == null || (colon && value.isEmpty());
        return switch (op) {
            case "-" -> missing ? substitute(word, lookup, file, path, warnings) : value;
            case "+" -> missing ? "" : substitute(word, lookup, file, path, warnings);
            case "?" -> {
                if (missing) {
                    String message = substitute(word, lookup, file, path, warnings);
                    throw new ComposeFileException(file, path.toString(),
                            "required variable " + name + " is missing a value" + (message.isEmpty() ? "" : ": " + message));
                }
                yield value;
            }
            default -> throw invalid(text, file, path);
        };
    }

    private static String plain(String name, Function<String, String> lookup, Consumer<String> warnings) {
        String value = lookup.apply(name);
        if (value == null) {
            if (warnings != null) {
                warnings.accept("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
            }
            return "";
        }
        return value;
    }

    /** The index of the brace closing a "${" whose body starts at {@code from}, or -1. */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                i++;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int nameEnd(String s, int from) {
        int i = from;
        while (i < s.length() && (isNameStart(s.charAt(i)) || Character.isDigit(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static ComposeFileException invalid(String text, String file, KeyPath path) {
        return new ComposeFileException(file, path.toString(),
                "invalid interpolation format \"" + text + "\": write a literal $ as $$");
    }
}
