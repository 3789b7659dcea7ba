package dev.berth.cli.format;

/**
 * The docker CLI's display helpers: short IDs, ellipsis by display width, and the width of a
 * string in terminal columns (East Asian wide and full-width characters take two).
 */
public final class DisplayText {

    private static final int SHORT_ID_LENGTH = 12;

    private DisplayText() {
    }

    /**
     * {@code stringid.TruncateID}: drops an algorithm prefix ("sha256:") and keeps the first
     * 12 characters.
     */
    public static String truncateId(String id) {
        int colon = id.indexOf(':');
        String hex = colon >= 0 ? id.substring(colon + 1) : id;
        return hex.length() > SHORT_ID_LENGTH ? hex.substring(0, SHORT_ID_LENGTH) : hex;
    }

    /**
     * docker's {@code Ellipsis}: cuts {@code s} to fit {@code maxWidth} display columns, ending
     * in "…" when it was cut. A width of 1 keeps the first character; 0 or less gives "".
     */
    public static String ellipsis(String s, int maxWidth) {
        if (maxWidth <= 0) {
            return "";
        }
        if (maxWidth == 1) {
            return s.isEmpty() ? s : new String(Character.toChars(s.codePointAt(0)));
        }
        if (width(s) <= maxWidth) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int w = width(cp);
            if (used + w > maxWidth - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    /** Display columns of {@code s}. */
    public static int width(String s) {
        return s.codePoints().map(DisplayText::width).sum();
    }

    static int width(int cp) {
        return isWide(cp) ? 2 : 1;
    }

    // East Asian Wide and Fullwidth blocks, as golang.org/x/text/width and go-runewidth see them.
    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
