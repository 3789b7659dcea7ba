package dev.berth.engine.builder.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Docker's word rules for instruction arguments: single quotes keep everything, double
 * quotes keep all but {@code $} and escapes of {@code "}, {@code $} and the escape character,
 * the escape character (backslash, or backtick after {@code # escape=`}) takes the next
 * character literally, and variables expand: {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-word}} (unset or empty), {@code ${VAR-word}} (unset), {@code ${VAR:+word}},
 * {@code ${VAR+word}}, {@code ${VAR:?message}} and {@code ${VAR?message}}. An unset variable
 * is empty.
 *
 * <p>{@link #processWord} gives one string (whitespace kept); {@link #processWords} splits on
 * unquoted whitespace, including whitespace inside the values of unquoted variables, as
 * Docker does for EXPOSE and friends. Errors are IllegalArgumentException.
 */
public final class ShellLex {

    private final char escape;

    public ShellLex(char escape) {
        this.escape = escape;
    }

    /** The word with quotes removed, escapes applied and variables expanded. */
    public String processWord(String word, Map<String, String> env) {
        List<String> out = new Scan(word, env, false).run();
        return out.isEmpty() ? "" : out.getFirst();
    }

    /** The words of {@code text}, split on unquoted whitespace after expansion. */
    public List<String> processWords(String text, Map<String, String> env) {
        return new Scan(text, env, true).run();
    }

    /**
     * A here-document's body with its variables expanded, as BuildKit does for
     * {@code COPY <<EOF} with an unquoted delimiter: quotes are ordinary characters and an
     * escape keeps both itself and the character after it (so {@code \$X} stays as written).
     */
    public String processHeredoc(String text, Map<String, String> env) {
        Scan scan = new Scan(text, env, false);
        scan.rawQuotes = true;
        return scan.run().getFirst();
    }

    /**
     * Splits on unquoted whitespace without expanding anything or removing quotes (the raw
     * words of ENV, LABEL, ARG and COPY, expanded later one by one).
     */
    public List<String> rawWords(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            cur.append(c);
            if (c == escape && i + 1 < text.length() && quote != '\'') {
                cur.append(text.charAt(++i));
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private final class Scan {
        private final String s;
        private final Map<String, String> env;
        private final boolean split;
        private final List<String> words = new ArrayList<>();
        private final StringBuilder cur = new StringBuilder();
        private boolean inWord;
        private boolean rawQuotes;
        private int i;

        Scan(String s, Map<String, String> env, boolean split) {
            this.s = s;
            this.env = env;
            this.split = split;
        }

        List<String> run() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == escape) {
                    if (rawQuotes) {
                        raw(c);
                    }
                    i++;
                    if (i < s.length()) {
                        raw(s.charAt(i++));
                    }
                } else if (rawQuotes && (c == '\'' || c == '"')) {
                    raw(c);
                    i++;
                } else if (c == '\'') {
                    singleQuoted();
                } else if (c == '"') {
                    doubleQuoted();
                } else if (c == '$') {
                    String value = dollar();
                    if (split) {
                        for (int k = 0; k < value.length(); k++) {
                            char v = value.charAt(k);
                            if (Character.isWhitespace(v)) {
                                flush();
                            } else {
                                raw(v);
                            }
                        }
                    } else {
                        cur.append(value);
                        inWord = true;
                    }
                } else if (split && Character.isWhitespace(c)) {
                    flush();
                    i++;
                } else {
                    raw(c);
                    i++;
                }
            }
            if (split) {
                flush();
            } else {
                words.add(cur.toString());
            }
            return words;
        }

        private void raw(char c) {
            cur.append(c);
            inWord = true;
        }

        private void flush() {
            if (inWord) {
                words.add(cur.toString());
                cur.setLength(0);
                inWord = false;
            }
        }

        private void singleQuoted() {
            int end = s.indexOf('\'', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unexpected end of statement while looking for matching single-quote");
            }
            cur.append(s, i + 1, end);
            inWord = true;
            i = end + 1;
        }

        private void doubleQuoted() {
            i++;
            inWord = true;
            while (true) {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unexpected end of statement while looking for matching double-quote");
                }
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    return;
                }
                if (c == escape && i + 1 < s.length()) {
                    char next = s.charAt(i + 1);
                    if (next == '"' || next == '$' || next == escape) {
                        cur.append(next);
                        i += 2;
                        continue;
                    }
                }
                if (c == '$') {
                    cur.append(dollar());
                    continue;
                }
                cur.append(c);
                i++;
            }
        }

        /** At a {@code $}: the expansion, with {@code i} moved past it. */
        private String dollar() {
            i++;
            if (i >= s.length()) {
                return "$";
            }
            char c = s.charAt(i);
            if (c == '{') {
                return braced();
            }
            if (!isNameStart(c)) {
                return "$";
            }
            int start = i;
            while (i < s.length() && isNameChar(s.charAt(i))) {
                i++;
            }
            String value = env.get(s.substring(start, i));
            return value == null ? "" : value;
        }

        private String braced() {
            i++;
            int start = i;
            while (i < s.length() && isNameChar(s.charAt(i))) {
                i++;
            }
            String name = s.substring(start, i);
            if (name.isEmpty() || i >= s.length()) {
                throw new IllegalArgumentException("bad substitution: missing or invalid variable name in ${...}");
            }
            char c = s.charAt(i);
            if (c == '}') {
                i++;
                String value = env.get(name);
                return value == null ? "" : value;
            }
            boolean colon = c == ':';
            if (colon) {
                i++;
            }
            if (i >= s.length() || "-+?".indexOf(s.charAt(i)) < 0) {
                throw new IllegalArgumentException("unsupported modifier in ${" + name + "...}");
            }
            char op = s.charAt(i++);
            String word = new ShellLex(escape).processWord(closing(), env);
            String value = env.get(name);
            boolean set = colon ? value != null && !value.isEmpty() : value != null;
            return switch (op) {
                case '-' -> set ? value : word;
                case '+' -> set ? word : "";
                default -> {
                    if (!set) {
                        throw new IllegalArgumentException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                    }
                    yield value;
                }
            };
        }

        /** The raw text up to the {@code }} that closes the current {@code ${}, nesting respected. */
        private String closing() {
            int depth = 0;
            int start = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == escape && i + 1 < s.length()) {
                    i += 2;
                    continue;
                }
                if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    depth++;
                    i += 2;
                    continue;
                }
                if (c == '}') {
                    if (depth == 0) {
                        String word = s.substring(start, i);
                        i++;
                        return word;
                    }
                    depth--;
                }
                i++;
            }
            throw new IllegalArgumentException("bad substitution: missing '}'");
        }
    }

    private static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isNameChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
