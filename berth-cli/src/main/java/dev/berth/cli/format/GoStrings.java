package dev.berth.cli.format;

/** Go's string literal syntax: {@code strconv.Quote} and {@code strconv.Unquote}. */
final class GoStrings {

    private GoStrings() {
    }

    /** {@code strconv.Quote}: double-quoted, escaping quotes, backslashes and unprintables. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendEscaped(out, cp, '"'));
        return out.append('"').toString();
    }

    /** {@code strconv.QuoteRune} of one character. */
    static String quoteRune(int cp) {
        StringBuilder out = new StringBuilder().append('\'');
        appendEscaped(out, cp, '\'');
        return out.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp, char quote) {
        switch (cp) {
            case '\u0007' -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\u000b' -> out.append("\\v");
            case '\\' -> out.append("\\\\");
            default -> {
                if (cp == quote) {
                    out.append('\\').appendCodePoint(cp);
                } else if (isPrintable(cp)) {
                    out.appendCodePoint(cp);
                } else if (cp < 0x80) {
                    out.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    out.append(String.format("\\u%04x", cp));
                } else {
                    out.append(String.format("\\U%08x", cp));
                }
            }
        }
    }

    private static boolean isPrintable(int cp) {
        if (cp < 0x20 || cp == 0x7f) {
            return false;
        }
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && !(type == Character.SPACE_SEPARATOR && cp != ' ');
    }

    /** {@code strconv.Unquote} of a double-quoted literal (quotes included). */
    static String unquote(String quoted) {
        StringBuilder out = new StringBuilder();
        int end = quoted.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> {
                    out.append((char) Integer.parseInt(quoted.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.appendCodePoint(Integer.parseInt(quoted.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(Integer.parseInt(quoted.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        out.append((char) Integer.parseInt(quoted.substring(i, i + 3), 8));
                        i += 2;
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return out.toString();
    }
}
