package dev.berth.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Small text shapes docker's formatter uses: short IDs, ellipsis, Go's %q, Go's time.String. */
public final class Text {

    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z");

    private Text() {
    }

    /** The first 12 hex digits of an ID, without its {@code sha256:} prefix. */
    public static String shortId(String id) {
        String hex = stripAlgorithm(id);
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    public static String stripAlgorithm(String id) {
        int colon = id.indexOf(':');
        return colon >= 0 && id.startsWith("sha256:") ? id.substring(colon + 1) : id;
    }

    /** At most {@code max} characters; a cut string ends in "…", as docker's Ellipsis. */
    public static String ellipsis(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        if (max <= 1) {
            return s.substring(0, s.offsetByCodePoints(0, max));
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Go's strconv.Quote for the text docker puts in COMMAND. */
    public static String goQuote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    /** Go's time.Time.String() without fractions: {@code 2025-05-30 12:07:35 +0000 UTC}. */
    public static String goTime(long unixSeconds) {
        return GO_TIME.format(Instant.ofEpochSecond(unixSeconds).atZone(ZoneId.systemDefault()));
    }
}
