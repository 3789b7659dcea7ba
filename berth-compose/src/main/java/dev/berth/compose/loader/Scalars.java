package dev.berth.compose.loader;

import dev.berth.compose.model.ByteSize;
import dev.berth.compose.model.ComposeDuration;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Conversions of YAML scalars to typed values. Numbers and booleans may arrive as strings (an
 * interpolated {@code replicas: ${N}}), as compose's Go loader also accepts. Each throws
 * {@link IllegalArgumentException} with a message fit for the user.
 */
final class Scalars {
    private Scalars() {}

    static String string(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }

    static Long longValue(Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        return parsed(v, Long::parseLong, "an integer");
    }

    static Integer intValue(Object v) {
        Long l = longValue(v);
        if (l != null && (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE)) {
            throw new IllegalArgumentException("integer out of range: " + l);
        }
        return l == null ? null : l.intValue();
    }

    static Double doubleValue(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return parsed(v, Double::parseDouble, "a number");
    }

    /** A string (an interpolated number) parsed; null stays null; anything else is an error naming {@code what}. */
    private static <T> T parsed(Object v, Function<String, T> parser, String what) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            try {
                return parser.apply(s.strip());
            } catch (NumberFormatException e) {
                // reported below, with the value
            }
        }
        throw new IllegalArgumentException("must be " + what + ", not " + Shapes.show(v));
    }

    static Boolean bool(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "on" -> {
                    return true;
                }
                case "false", "no", "n", "off" -> {
                    return false;
                }
                default -> { }
            }
        }
        throw new IllegalArgumentException("must be a boolean, not " + Shapes.show(v));
    }

    static Duration duration(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            try {
                return ComposeDuration.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + ": must be a duration such as 10s, 1m30s or 500ms");
            }
        }
        throw new IllegalArgumentException("must be a duration such as 10s, 1m30s or 500ms, not " + Shapes.show(v));
    }

    static Long bytes(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof String s) {
            try {
                return ByteSize.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + ": must be a size such as 512m or 1gb");
            }
        }
        throw new IllegalArgumentException("must be a size such as 512m or 1gb, not " + Shapes.show(v));
    }
}
