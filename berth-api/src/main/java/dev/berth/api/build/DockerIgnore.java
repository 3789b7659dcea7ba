package dev.berth.api.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of a {@code .dockerignore} file with Docker's rules: one pattern per line,
 * {@code #} lines are comments, surrounding blanks are dropped, a pattern is cleaned (so
 * {@code ./a//b/} is {@code a/b}) and a leading {@code /} is ignored; {@code *} and {@code ?}
 * do not cross {@code /}, {@code **} matches any number of directories, {@code [...]} is a
 * character class and a backslash escapes. A path is excluded when the last pattern that
 * matches it or one of its parent directories is not a {@code !} exception.
 */
public final class DockerIgnore {

    private record Rule(Pattern regex, boolean exception, String text) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /** Parses a .dockerignore file's text. */
    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            if (exception) {
                line = line.substring(1).strip();
            }
            String pattern = clean(line);
            if (pattern.length() > 1 && pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            if (pattern.isEmpty()) {
                continue;
            }
            rules.add(new Rule(Pattern.compile(regex(pattern)), exception, pattern));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether there are {@code !} exceptions (an excluded directory must then still be walked). */
    public boolean hasExceptions() {
        return rules.stream().anyMatch(Rule::exception);
    }

    /** Whether {@code path} (relative to the context, {@code /}-separated) is excluded. */
    public boolean excludes(String path) {
        String file = clean(path);
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesSelfOrParent(rule.regex(), file)) {
                excluded = !rule.exception();
            }
        }
        return excluded;
    }

    private static boolean matchesSelfOrParent(Pattern regex, String file) {
        if (regex.matcher(file).matches()) {
            return true;
        }
        for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
            if (regex.matcher(file.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Like Go's path.Clean: no duplicate slashes, no {@code .} parts, {@code ..} folded. */
    static String clean(String path) {
        boolean absolute = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty() && !parts.getLast().equals("..")) {
                    parts.removeLast();
                } else if (!absolute) {
                    parts.add(p);
                }
                continue;
            }
            parts.add(p);
        }
        String joined = String.join("/", parts);
        return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    private static String regex(String pattern) {
        StringBuilder re = new StringBuilder("^");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                        while (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                            i++;
                        }
                        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                            i++;
                            re.append("(.*/)?");
                        } else {
                            re.append(".*");
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = pattern.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String body = pattern.substring(i + 1, end);
                        if (body.startsWith("^") || body.startsWith("!")) {
                            body = "^" + body.substring(1);
                        }
                        re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = end;
                    }
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.append('$').toString();
    }
}
