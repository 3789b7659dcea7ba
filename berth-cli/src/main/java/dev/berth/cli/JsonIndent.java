package dev.berth.cli;

/**
 * Go's {@code json.Indent}: re-indents JSON text without decoding it, so the daemon's key
 * order, number spelling and escapes survive; empty objects and arrays stay {@code {}} and
 * {@code []}; {@code "key": value} with one space, as docker inspect prints.
 */
public final class JsonIndent {

    private JsonIndent() {
    }

    public static String indent(CharSequence json, String unit) {
        StringBuilder sb = new StringBuilder(json.length() * 2);
        int depth = 0;
        boolean inString = false;
        boolean needIndent = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                sb.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    sb.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (needIndent && c != ']' && c != '}') {
                newline(sb, unit, depth);
                needIndent = false;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    sb.append(c);
                }
                case '{', '[' -> {
                    sb.append(c);
                    depth++;
                    needIndent = true;
                }
                case '}', ']' -> {
                    depth--;
                    if (needIndent) {
                        needIndent = false; // empty: stays {} or []
                    } else {
                        newline(sb, unit, depth);
                    }
                    sb.append(c);
                }
                case ',' -> {
                    sb.append(c);
                    newline(sb, unit, depth);
                }
                case ':' -> sb.append(": ");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void newline(StringBuilder sb, String unit, int depth) {
        sb.append('\n');
        sb.repeat(unit, depth);
    }
}
