package dev.berth.cli.interim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * replaced by dev.berth.cli.format.GoTemplate when merged. Only what the CLI's own formats
 * need: text, {@code {{.}}}, {@code {{.A.B}}}, {@code {{json .A}}}, {@code {{index .Map "key"}}}.
 */
public final class GoTemplate {

    private sealed interface Part {
    }

    private record Text(String text) implements Part {
    }

    private record Action(String function, List<String> path, String key) implements Part {
    }

    private final List<Part> parts;

    private GoTemplate(List<Part> parts) {
        this.parts = parts;
    }

    public static GoTemplate parse(String template) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                parts.add(new Text(template.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(new Text(template.substring(i, open)));
            }
            int close = template.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("template: unclosed action");
            }
            parts.add(action(template.substring(open + 2, close).strip()));
            i = close + 2;
        }
        return new GoTemplate(parts);
    }

    private static Action action(String text) {
        String[] words = text.split("\\s+");
        String function = null;
        String field = words[0];
        String key = null;
        if (!field.startsWith(".")) {
            function = field;
            if (words.length < 2) {
                throw new IllegalArgumentException("template: unsupported action {{" + text + "}}");
            }
            field = words[1];
            if (words.length > 2) {
                key = words[2].replace("\"", "");
            }
        }
        List<String> path = new ArrayList<>();
        for (String p : field.split("\\.")) {
            if (!p.isEmpty()) {
                path.add(p);
            }
        }
        return new Action(function, path, key);
    }

    public String execute(JsonNode data) {
        StringBuilder sb = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text t -> sb.append(t.text());
                case Action a -> {
                    JsonNode node = data;
                    for (String p : a.path()) {
                        node = node == null ? null : node.get(p);
                    }
                    if ("index".equals(a.function()) && node != null) {
                        node = node.get(a.key());
                    }
                    if ("json".equals(a.function())) {
                        sb.append(node == null ? "null" : node.toString());
                    } else if (node == null || node.isNull()) {
                        sb.append("<no value>");
                    } else if (node.isValueNode()) {
                        sb.append(node.asText());
                    } else {
                        sb.append(node);
                    }
                }
            }
        }
        return sb.toString();
    }
}
