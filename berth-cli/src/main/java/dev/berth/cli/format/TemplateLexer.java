package dev.berth.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into text and actions, and an action into tokens, as Go's text/template
 * lexer does: {@code {{- } and {@code  -}}} trim the whitespace around an action,
 * {@code {{/* *}{@code /}}} is a comment, and fields chain only when nothing separates them.
 */
final class TemplateLexer {

    enum Kind { FIELD, VARIABLE, DOT, IDENT, STRING, NUMBER, CHAR, LPAREN, RPAREN, PIPE, DECLARE, ASSIGN, COMMA }

    /** A token; {@code text} is the source text, {@code value} the decoded string literal. */
    record Token(Kind kind, String text, String value, int pos, boolean spaceBefore) {
    }

    /** Either literal text or one action's tokens. */
    sealed interface Piece {
    }

    record TextPiece(String text) implements Piece {
    }

    record ActionPiece(int pos, String source, List<Token> tokens) implements Piece {
    }

    private final String src;

    TemplateLexer(String src) {
        this.src = src;
    }

    List<Piece> pieces() {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        boolean trimNextText = false;
        while (i <= src.length()) {
            int open = src.indexOf("{{", i);
            String text = open < 0 ? src.substring(i) : src.substring(i, open);
            if (trimNextText) {
                text = stripLeadingGoSpace(text);
            }
            if (open < 0) {
                addText(out, text);
                break;
            }
            int inner = open + 2;
            if (isTrimMarker(inner)) {
                text = stripTrailingGoSpace(text);
                inner += 2;
            }
            addText(out, text);
            int close = findClose(inner, open);
            int end = close;
            trimNextText = false;
            if (close - 2 >= inner && src.charAt(close - 1) == '-' && isGoSpace(src.charAt(close - 2))) {
                end = close - 2;
                trimNextText = true;
            }
            String body = src.substring(inner, end);
            if (!body.strip().startsWith("/*")) {
                out.add(new ActionPiece(open, src.substring(open, close + 2), tokens(inner, end)));
            } else if (!body.strip().endsWith("*/")) {
                throw parseError(open, "unclosed comment");
            }
            i = close + 2;
        }
        return out;
    }

    private static void addText(List<Piece> out, String text) {
        if (!text.isEmpty()) {
            out.add(new TextPiece(text));
        }
    }

    private boolean isTrimMarker(int at) {
        return at + 1 < src.length() && src.charAt(at) == '-' && isGoSpace(src.charAt(at + 1));
    }

    // The closing "}}", skipping over quoted strings and comments that may contain it.
    private int findClose(int from, int open) {
        int i = from;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"' || c == '`' || c == '\'') {
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c) {
                    if (c != '`' && src.charAt(j) == '\\') {
                        j++;
                    }
                    if (c != '`' && j < src.length() && src.charAt(j) == '\n') {
                        throw parseError(i, "unterminated quoted string");
                    }
                    j++;
                }
                if (j >= src.length()) {
                    throw parseError(i, c == '\'' ? "unterminated character constant" : "unterminated quoted string");
                }
                i = j + 1;
            } else if (src.startsWith("/*", i)) {
                int endComment = src.indexOf("*/", i + 2);
                if (endComment < 0) {
                    throw parseError(i, "unclosed comment");
                }
                i = endComment + 2;
            } else if (src.startsWith("}}", i)) {
                return i;
            } else {
                i++;
            }
        }
        throw parseError(open, "unclosed action");
    }

    private List<Token> tokens(int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        boolean space = false;
        while (i < to) {
            char c = src.charAt(i);
            if (isGoSpace(c)) {
                space = true;
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            String value = null;
            if (c == '.' && i + 1 < to && isIdentStart(src.charAt(i + 1))) {
                i = identEnd(i + 1, to);
                kind = Kind.FIELD;
            } else if (c == '.' && !(i + 1 < to && Character.isDigit(src.charAt(i + 1)))) {
                i++;
                kind = Kind.DOT;
            } else if (c == '$') {
                i = identEnd(i + 1, to);
                kind = Kind.VARIABLE;
            } else if (c == '"' || c == '`') {
                int endQuote = closingQuote(i, to, c);
                value = c == '`' ? src.substring(i + 1, endQuote) : GoStrings.unquote(src.substring(i, endQuote + 1));
                i = endQuote + 1;
                kind = Kind.STRING;
            } else if (c == '\'') {
                int endQuote = closingQuote(i, to, c);
                String decoded = GoStrings.unquote("\"" + src.substring(i + 1, endQuote) + "\"");
                value = Integer.toString(decoded.codePointAt(0));
                i = endQuote + 1;
                kind = Kind.CHAR;
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < to && Character.isDigit(src.charAt(i + 1)))) {
                i = numberEnd(i + 1, to);
                kind = Kind.NUMBER;
            } else if (isIdentStart(c)) {
                i = identEnd(i, to);
                kind = Kind.IDENT;
            } else if (src.startsWith(":=", i)) {
                i += 2;
                kind = Kind.DECLARE;
            } else {
                i++;
                kind = switch (c) {
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case '|' -> Kind.PIPE;
                    case '=' -> Kind.ASSIGN;
                    case ',' -> Kind.COMMA;
                    default -> throw parseError(start, "unexpected " + GoStrings.quoteRune(c) + " in command");
                };
            }
            String text = src.substring(start, i);
            out.add(new Token(kind, text, value == null ? text : value, start, space));
            space = false;
        }
        return out;
    }

    private int closingQuote(int open, int to, char quote) {
        int j = open + 1;
        while (j < to && src.charAt(j) != quote) {
            j += quote != '`' && src.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= to) {
            throw parseError(open, "unterminated quoted string");
        }
        return j;
    }

    private int identEnd(int i, int to) {
        while (i < to && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private int numberEnd(int i, int to) {
        while (i < to) {
            char c = src.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && "eEpP".indexOf(src.charAt(i - 1)) >= 0;
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign)) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isGoSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String stripLeadingGoSpace(String s) {
        int start = 0;
        while (start < s.length() && isGoSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    private static String stripTrailingGoSpace(String s) {
        int end = s.length();
        while (end > 0 && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    TemplateException parseError(int pos, String message) {
        return new TemplateException("template: :" + line(src, pos) + ": " + message);
    }

    static int line(String src, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
