package dev.berth.api.units;

import java.util.List;

/**
 * A size in binary (1024-based) units, as go-units {@code BytesSize} prints it, for memory:
 * four significant digits, units B KiB MiB GiB TiB PiB ("512MiB", "1.5GiB", "100B").
 */
public final class BytesSize {

    private static final List<String> BINARY_UNITS = List.of("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB");

    private BytesSize() {
    }

    /** {@code BytesSize(bytes)}. */
    public static String of(double bytes) {
        return HumanSize.scaled(bytes, 1024.0, BINARY_UNITS, 4);
    }
}
