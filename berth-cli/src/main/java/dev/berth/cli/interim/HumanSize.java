package dev.berth.cli.interim;

import java.math.BigDecimal;
import java.math.MathContext;

/** replaced by dev.berth.api.units.HumanSize when merged. Docker's decimal units.HumanSize. */
public final class HumanSize {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private HumanSize() {
    }

    public static String of(long bytes) {
        return of(bytes, 4);
    }

    /** Go's {@code %.<precision>g} of the value in the largest unit below 1000, then the unit. */
    public static String of(double bytes, int precision) {
        int i = 0;
        double v = bytes;
        while (v >= 1000 && i < UNITS.length - 1) {
            v /= 1000;
            i++;
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(precision)).stripTrailingZeros();
        return rounded.toPlainString() + UNITS[i];
    }

    /** Docker's units.BytesSize: binary units (KiB, MiB) with %.4g. */
    public static String binary(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
        int i = 0;
        double v = bytes;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString() + units[i];
    }
}
