package dev.berth.api.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code fmt} rendering of a float64 with an explicit precision: {@code %.Ng}, {@code %.Nf}
 * and {@code %.Ne}.
 *
 * <p>Go rounds the exact binary value to the requested digits, ties to even; {@link BigDecimal}
 * of a double is that exact value, so {@link RoundingMode#HALF_EVEN} gives the same digits.
 * {@code %g} drops trailing zeros and switches to exponent form when the exponent is below -4 or
 * at least the precision, with at least two exponent digits ("1.5e+07").
 */
public final class GoFloat {

    private GoFloat() {
    }

    /** {@code fmt.Sprintf("%.<precision>g", v)}; a precision of 0 counts as 1, as in Go. */
    public static String g(double v, int precision) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        int digits = Math.max(precision, 1);
        if (v == 0) {
            return negativeZero(v) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= digits) {
            return e(rounded.stripTrailingZeros(), exponent, -1);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** {@code fmt.Sprintf("%.<precision>f", v)}. */
    public static String f(double v, int precision) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        String text = new BigDecimal(v).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return negativeZero(v) && !text.startsWith("-") ? "-" + text : text;
    }

    /** {@code fmt.Sprintf("%.<precision>e", v)}. */
    public static String e(double v, int precision) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        if (v == 0) {
            return (negativeZero(v) ? "-" : "") + (precision > 0 ? "0." + "0".repeat(precision) : "0") + "e+00";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        return e(rounded, exponent, precision);
    }

    // Mantissa digits of `value` as d.ddd, then e±XX. fractionDigits < 0 keeps what is there.
    private static String e(BigDecimal value, int exponent, int fractionDigits) {
        String digits = value.unscaledValue().abs().toString();
        if (fractionDigits >= 0) {
            digits = (digits + "0".repeat(fractionDigits + 1)).substring(0, fractionDigits + 1);
        }
        StringBuilder out = new StringBuilder();
        if (value.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return null;
    }

    private static boolean negativeZero(double v) {
        return Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
    }
}
