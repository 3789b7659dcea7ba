package dev.berth.daemon.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled path template: "/containers/{id}/json" where {@code {id}} matches one segment, and
 * "{name:regex}" matches the regex (so "{name:.*}" spans slashes, as image references need).
 * Every template also matches under a "/v{version}" prefix, version being digits and dots.
 */
final class RouteTemplate {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private final String template;
    private final Pattern pattern;
    private final List<String> variables;
    private final int literalLength;
    private final int patternVariables;

    private RouteTemplate(String template, Pattern pattern, List<String> variables, int literalLength,
            int patternVariables) {
        this.template = template;
        this.pattern = pattern;
        this.variables = variables;
        this.literalLength = literalLength;
        this.patternVariables = patternVariables;
    }

    static RouteTemplate compile(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with '/': " + template);
        }
        StringBuilder regex = new StringBuilder("(?:/v([0-9.]+))?");
        List<String> names = new ArrayList<>();
        int literal = 0;
        int custom = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                int next = template.indexOf('{', i);
                int end = next < 0 ? template.length() : next;
                String text = template.substring(i, end);
                if (text.indexOf('}') >= 0) {
                    throw new IllegalArgumentException("unbalanced '}' in " + template);
                }
                regex.append(Pattern.quote(text));
                literal += text.length();
                i = end;
                continue;
            }
            int close = matchingBrace(template, i);
            String body = template.substring(i + 1, close);
            int colon = body.indexOf(':');
            String name = colon < 0 ? body : body.substring(0, colon);
            String valueRegex = colon < 0 ? "[^/]+" : body.substring(colon + 1);
            if (!VARIABLE_NAME.matcher(name).matches() || names.contains(name)) {
                throw new IllegalArgumentException("bad variable '" + name + "' in " + template);
            }
            if (colon >= 0) {
                custom++;
            }
            names.add(name);
            regex.append("(?<").append(name).append('>').append(valueRegex).append(')');
            i = close + 1;
        }
        return new RouteTemplate(template, Pattern.compile(regex.toString()), List.copyOf(names), literal, custom);
    }

    /** The variables and version when {@code path} matches, else null. */
    PathParams match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : variables) {
            values.put(name, m.group(name));
        }
        return new PathParams(template, values, m.group(1));
    }

    String template() {
        return template;
    }

    /**
     * Orders more specific templates first: fewer custom (possibly greedy) variables, then
     * more literal text. "/images/json" thus wins over "/images/{name:.*}/json".
     */
    static int bySpecificity(RouteTemplate a, RouteTemplate b) {
        if (a.patternVariables != b.patternVariables) {
            return Integer.compare(a.patternVariables, b.patternVariables);
        }
        return Integer.compare(b.literalLength, a.literalLength);
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced '{' in " + s);
    }
}
