package dev.berth.engine.builder.dockerfile;

import dev.berth.engine.builder.dockerfile.Instruction.Command;
import dev.berth.engine.builder.dockerfile.Instruction.Heredoc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Dockerfile's bytes into instructions. Reads the parser directives at the top
 * (before any comment, blank line or instruction), then logical lines: comments and blank
 * lines are skipped, a line ending in the escape character continues on the next (comment
 * lines inside a continuation are dropped), keywords are case-insensitive, and RUN, COPY and
 * ADD may be followed by here-documents. Each logical line becomes a typed instruction by
 * {@link InstructionReader}. Any error is a {@link DockerfileException} naming the line.
 */
public final class DockerfileParser {

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9_-]*)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z0-9_.-]+)\\2");
    private static final java.util.Set<String> KNOWN_DIRECTIVES = java.util.Set.of("syntax", "escape", "check");
    private static final java.util.Set<String> HEREDOC_KEYWORDS = java.util.Set.of("RUN", "COPY", "ADD");

    private DockerfileParser() {
    }

    public static Dockerfile parse(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(name, text);
    }

    public static Dockerfile parse(String name, String text) {
        String[] lines = text.split("\r?\n", -1);
        Map<String, String> directives = new LinkedHashMap<>();
        int n = 0;
        for (; n < lines.length; n++) {
            Matcher m = DIRECTIVE.matcher(lines[n]);
            if (!m.matches()) {
                break;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!KNOWN_DIRECTIVES.contains(key)) {
                continue;
            }
            if (directives.containsKey(key)) {
                throw new DockerfileException(name, n + 1, "only one " + key + " parser directive can be used");
            }
            directives.put(key, m.group(2));
        }
        char escape = '\\';
        String escapeValue = directives.get("escape");
        if (escapeValue != null) {
            if (!escapeValue.equals("\\") && !escapeValue.equals("`")) {
                throw new DockerfileException(name, 1, "invalid escape token '" + escapeValue
                        + "' does not match ` or \\");
            }
            escape = escapeValue.charAt(0);
        }
        InstructionReader reader = new InstructionReader(name, escape);
        List<Instruction> out = new ArrayList<>();
        Pattern continuation = Pattern.compile(Pattern.quote(String.valueOf(escape)) + "[ \\t]*$");
        int i = n;
        while (i < lines.length) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            StringBuilder logical = new StringBuilder();
            String current = line.stripLeading();
            i++;
            while (true) {
                Matcher m = continuation.matcher(current);
                if (!m.find()) {
                    logical.append(current);
                    break;
                }
                logical.append(current, 0, m.start());
                while (i < lines.length && (lines[i].strip().startsWith("#") || lines[i].strip().isEmpty())) {
                    i++;
                }
                if (i >= lines.length) {
                    break;
                }
                current = lines[i++];
            }
            String full = logical.toString().strip();
            String keyword = keywordOf(full);
            List<Heredoc> heredocs = new ArrayList<>();
            List<String> rawHeredocLines = new ArrayList<>();
            if (HEREDOC_KEYWORDS.contains(keyword)) {
                Matcher m = HEREDOC.matcher(full);
                while (m.find()) {
                    boolean chomp = !m.group(1).isEmpty();
                    String word = m.group(3);
                    StringBuilder body = new StringBuilder();
                    boolean closed = false;
                    while (i < lines.length) {
                        String raw = lines[i++];
                        rawHeredocLines.add(raw);
                        String content = chomp ? raw.replaceFirst("^\t+", "") : raw;
                        if (content.equals(word)) {
                            closed = true;
                            break;
                        }
                        body.append(content).append('\n');
                    }
                    if (!closed) {
                        throw new DockerfileException(name, start, keyword + ": unterminated heredoc " + word);
                    }
                    heredocs.add(new Heredoc(word, body.toString(), m.group(2).isEmpty()));
                }
            }
            out.add(reader.read(start, full, heredocs, rawHeredocLines));
        }
        return new Dockerfile(name, directives, escape, out);
    }

    private static String keywordOf(String logical) {
        int space = 0;
        while (space < logical.length() && !Character.isWhitespace(logical.charAt(space))) {
            space++;
        }
        return logical.substring(0, space).toUpperCase(Locale.ROOT);
    }

    /** Whether {@code text} (a RUN's shell command) is only a heredoc marker, as in {@code RUN <<EOF}. */
    static boolean onlyHeredoc(String text) {
        Matcher m = HEREDOC.matcher(text.strip());
        return m.matches();
    }

    static Command heredocCommand(String firstLine, List<Heredoc> heredocs, List<String> rawLines) {
        if (heredocs.size() == 1 && onlyHeredoc(firstLine)) {
            return Command.shell(heredocs.getFirst().content());
        }
        StringBuilder script = new StringBuilder(firstLine);
        for (String raw : rawLines) {
            script.append('\n').append(raw);
        }
        return Command.shell(script.toString());
    }
}
