package dev.berth.engine.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Encodes json-file entries straight from a container's bytes into a growable buffer, the way
 * dockerd's jsonlog does: {@code "<", ">", "&"}, U+2028 and U+2029 escaped as backslash-u
 * sequences, control characters as backslash-n, backslash-t... or backslash-u00XX, and each byte
 * that is not part of valid UTF-8 as the escaped replacement character U+FFFD. No String, no JSON generator per entry: the log sits
 * on the path of every byte a container prints, and entries are often short lines.
 *
 * <p>Not thread-safe: one encoder per writer thread.
 */
final class LogEntryEncoder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOG_KEY = "{\"log\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDOUT = "\",\"stream\":\"stdout\",\"time\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDERR = "\",\"stream\":\"stderr\",\"time\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\"}\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LINE_SEPARATOR_PREFIX = "\\u202".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPLACEMENT = "\\ufffd".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf = new byte[8 * 1024];
    private int size;
    /** The last second formatted, and its "yyyy-MM-ddTHH:mm:ss" bytes. */
    private long cachedSecond = Long.MIN_VALUE;
    private byte[] cachedPrefix;

    /** Appends one entry, {@code {"log":...,"stream":...,"time":...}} and a newline. */
    void append(LogStream stream, byte[] b, int off, int len, Instant time) {
        ensure(LOG_KEY.length + len * 6 + STDOUT.length + 40 + END.length);
        put(LOG_KEY);
        escape(b, off, off + len);
        put(stream == LogStream.STDERR ? STDERR : STDOUT);
        time(time);
        put(END);
    }

    /** The bytes encoded since the last {@link #reset()}. */
    byte[] array() {
        return buf;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
        if (buf.length > 1024 * 1024) {
            buf = new byte[8 * 1024]; // one huge batch must not pin its buffer for the container's life
        }
    }

    private void escape(byte[] b, int i, int end) {
        while (i < end) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                    buf[size++] = (byte) c;
                } else {
                    escapeAscii(c);
                }
                i++;
                continue;
            }
            int n = validSequenceLength(b, i, end);
            if (n == 0) {
                put(REPLACEMENT);
                i++;
            } else if (n == 3 && c == 0xe2 && (b[i + 1] & 0xff) == 0x80 && ((b[i + 2] & 0xff) == 0xa8 || (b[i + 2] & 0xff) == 0xa9)) {
                put(LINE_SEPARATOR_PREFIX);
                buf[size++] = (byte) ((b[i + 2] & 0xff) == 0xa8 ? '8' : '9');
                i += 3;
            } else {
                System.arraycopy(b, i, buf, size, n);
                size += n;
                i += n;
            }
        }
    }

    private void escapeAscii(int c) {
        buf[size++] = '\\';
        switch (c) {
            case '"', '\\' -> buf[size++] = (byte) c;
            case '\n' -> buf[size++] = 'n';
            case '\r' -> buf[size++] = 'r';
            case '\t' -> buf[size++] = 't';
            default -> {
                buf[size++] = 'u';
                buf[size++] = '0';
                buf[size++] = '0';
                buf[size++] = HEX[c >> 4];
                buf[size++] = HEX[c & 0xf];
            }
        }
    }

    /** The length of the valid UTF-8 sequence starting at {@code i} (lead byte >= 0x80), or 0. */
    static int validSequenceLength(byte[] b, int i, int end) {
        int c = b[i] & 0xff;
        int n;
        int min;
        int max = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 2;
            min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 3;
            min = c == 0xe0 ? 0xa0 : 0x80;
            max = c == 0xed ? 0x9f : 0xbf; // no surrogates
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 4;
            min = c == 0xf0 ? 0x90 : 0x80;
            max = c == 0xf4 ? 0x8f : 0xbf;
        } else {
            return 0;
        }
        if (i + n > end) {
            return 0;
        }
        int second = b[i + 1] & 0xff;
        if (second < min || second > max) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            int cont = b[i + k] & 0xff;
            if (cont < 0x80 || cont > 0xbf) {
                return 0;
            }
        }
        return n;
    }

    private void time(Instant t) {
        long second = t.getEpochSecond();
        if (second != cachedSecond) {
            cachedPrefix = LogTimestamps.formatSeconds(t).getBytes(StandardCharsets.US_ASCII);
            cachedSecond = second;
        }
        put(cachedPrefix);
        int nanos = t.getNano();
        if (nanos != 0) {
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            buf[size++] = '.';
            for (int k = digits - 1; k >= 0; k--) {
                buf[size + k] = (byte) ('0' + nanos % 10);
                nanos /= 10;
            }
            size += digits;
        }
        buf[size++] = 'Z';
    }

    private void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
