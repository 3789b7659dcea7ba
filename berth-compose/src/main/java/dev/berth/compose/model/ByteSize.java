package dev.berth.compose.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's byte sizes, as Docker's {@code RAMInBytes} reads them: a number with an optional
 * binary unit, {@code 512m}, {@code 1gb}, {@code 1.5G}, {@code 64KiB}, {@code 1024} (bytes).
 * Units b, k, m, g, t, p are powers of 1024, in any case, with an optional "b" or "ib".
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kmgtp])?(i?b)?$");

    private ByteSize() {}

    /**
     * Parses {@code text} to bytes.
     *
     * @throws IllegalArgumentException with a message naming the text when it is not a size
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(2) == null && "ib".equals(m.group(3)))) {
            throw new IllegalArgumentException("invalid size \"" + text + "\"");
        }
        int power = m.group(2) == null ? 0 : "kmgtp".indexOf(m.group(2)) + 1;
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power)).longValue();
    }
}
