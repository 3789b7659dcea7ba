package dev.berth.api.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for request paths and query components (RFC 3986), UTF-8 based.
 *
 * <p>Decoding rejects malformed escapes ("%", "%4", "%zz") with IllegalArgumentException so a
 * server can answer 400 instead of guessing; invalid UTF-8 after decoding becomes U+FFFD.
 */
public final class UriCodec {
    private static final String HEX = "0123456789ABCDEF";
    /** Path characters left as they are: unreserved, sub-delims, ':', '@' and '/'. */
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/";

    private UriCodec() {}

    /** Decodes a path: '%XX' escapes only; '+' stays '+'. */
    public static String decodePath(String raw) {
        return decode(raw, false);
    }

    /** Decodes a query name or value: '%XX' escapes, and '+' means space. */
    public static String decodeQueryComponent(String raw) {
        return decode(raw, true);
    }

    /**
     * Encodes a path so that it survives as one request target: keeps '/', ':', '@' and the
     * sub-delimiters (image references such as "localhost:5000/foo:tag" stay readable), escapes
     * everything else outside the unreserved set, including '?', '#', '%' and spaces.
     */
    public static String encodePath(String path) {
        return encode(path, PATH_SAFE, false);
    }

    /**
     * Encodes a query name or value as HTML forms and Go's {@code url.QueryEscape} do: space
     * becomes '+', everything outside the unreserved set is escaped.
     */
    public static String encodeQueryComponent(String s) {
        return encode(s, "-._~", true);
    }

    private static String encode(String s, String safe, boolean spaceAsPlus) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || safe.indexOf(c) >= 0) {
                out.append(c);
            } else if (c == ' ' && spaceAsPlus) {
                out.append('+');
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }

    private static String decode(String raw, boolean plusAsSpace) {
        if (raw.indexOf('%') < 0 && !(plusAsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("truncated percent-escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("invalid percent-escape");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusAsSpace) {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
