package dev.berth.compose.loader;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The building blocks of {@link ComposeSchema}: scalar kinds and combinators. */
final class Shapes {
    private Shapes() {}

    static final Shape STRING = new Shape.Scalar("a string", Set.of(String.class), null);
    static final Shape SCALAR = new Shape.Scalar("a string, number or boolean", Set.of(String.class, Number.class, Boolean.class), null);
    static final Shape INT = new Shape.Scalar("an integer", Set.of(Integer.class, Long.class, String.class), Scalars::longValue);
    static final Shape NUMBER = new Shape.Scalar("a number", Set.of(Number.class, String.class), Scalars::doubleValue);
    static final Shape BOOL = new Shape.Scalar("a boolean", Set.of(Boolean.class, String.class), Scalars::bool);
    static final Shape DURATION = new Shape.Scalar("a duration such as 10s, 1m30s or 500ms", Set.of(String.class), Scalars::duration);
    static final Shape BYTES = new Shape.Scalar("a size such as 512m or 1gb", Set.of(String.class, Integer.class, Long.class), Scalars::bytes);
    static final Shape STRING_OR_INT = new Shape.Scalar("a string or number", Set.of(String.class, Integer.class, Long.class), null);
    static final Shape IGNORED = new Shape.Ignored();
    static final Shape STRINGS = list(STRING);
    static final Shape STRING_OR_LIST = anyOf(STRING, STRINGS);
    /** A mapping of scalars (or null: unset), or a list of "KEY=value" strings: environment, labels, args. */
    static final Shape LIST_OR_DICT = anyOf(new Shape.MapOf(anyOf(SCALAR)), new Shape.ListOf(STRING, true));

    static Shape.Obj obj(Object... keysAndShapes) {
        Map<String, Shape> props = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndShapes.length; i += 2) {
            props.put((String) keysAndShapes[i], (Shape) keysAndShapes[i + 1]);
        }
        return new Shape.Obj(props);
    }

    static Shape mapOf(Shape values) {
        return new Shape.MapOf(values);
    }

    static Shape list(Shape items) {
        return new Shape.ListOf(items, false);
    }

    static Shape uniqueList(Shape items) {
        return new Shape.ListOf(items, true);
    }

    static Shape anyOf(Shape... options) {
        return new Shape.AnyOf(List.of(options));
    }

    /** A string that must be one of {@code values}. */
    static Shape oneOf(String... values) {
        List<String> allowed = Arrays.asList(values);
        return new Shape.Scalar("a string", Set.of(String.class), v -> {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", allowed) + ", not " + show(v));
            }
            return v;
        });
    }

    /** How a value is named in messages: its text, quoted if a string. */
    static String show(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    /** The YAML kind of {@code v}, for "must be a string, not a list". */
    static String kindOf(Object v) {
        return switch (v) {
            case Map<?, ?> m -> "a mapping";
            case List<?> l -> "a list";
            case String s -> "the string " + show(s);
            case Boolean b -> "the boolean " + b;
            case Number n -> "the number " + n;
            default -> v.getClass().getSimpleName();
        };
    }
}
