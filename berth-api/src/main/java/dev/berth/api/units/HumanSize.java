package dev.berth.api.units;

import java.util.List;

/**
 * A size in decimal (1000-based) units, as go-units {@code HumanSize} prints it: four significant
 * digits by default, no space, units B kB MB GB TB PB EB ("0B", "999B", "1kB", "1.235MB").
 *
 * <p>{@code docker ps} and {@code docker images} use three digits
 * ({@code HumanSizeWithPrecision(size, 3)}): use {@link #of(double, int)} for those.
 */
public final class HumanSize {

    static final List<String> DECIMAL_UNITS = List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB");

    private HumanSize() {
    }

    /** {@code HumanSize(bytes)}: four significant digits. */
    public static String of(long bytes) {
        return of(bytes, 4);
    }

    /** {@code HumanSizeWithPrecision(bytes, precision)}. */
    public static String of(double bytes, int precision) {
        return scaled(bytes, 1000.0, DECIMAL_UNITS, precision);
    }

    // go-units getSizeAndUnit: divide while the value is at least one base, then "%.<p>g<unit>".
    static String scaled(double size, double base, List<String> units, int precision) {
        int unit = 0;
        while (size >= base && unit < units.size() - 1) {
            size /= base;
            unit++;
        }
        return GoFloat.g(size, precision) + units.get(unit);
    }
}
