package dev.berth.compose.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The expected shape of a value in a compose file, for validation before anything else reads
 * it: a small structural schema (what compose's JSON schema says) whose errors name the key
 * path. Null is accepted everywhere and means "unset".
 */
sealed interface Shape {

    /** Checks {@code value} at {@code path}; throws {@link ComposeFileException} when it does not fit. */
    void check(Object value, Check ctx, KeyPath path);

    /** Whether {@code value}'s kind (mapping, sequence, scalar) is this shape's, to choose among alternatives. */
    boolean accepts(Object value);

    /** What the shape is, for messages: "a string", "a mapping". */
    String describe();

    /** The file being checked and where warnings go. */
    record Check(String file, Consumer<String> warnings) {
        ComposeFileException fail(KeyPath path, String problem) {
            return new ComposeFileException(file, path.toString(), problem);
        }
    }

    /** A scalar: its Java kinds and an optional format check that throws IllegalArgumentException. */
    record Scalar(String description, Set<Class<?>> kinds, Function<Object, ?> format) implements Shape {
        @Override
        public void check(Object value, Check ctx, KeyPath path) {
            if (value == null) {
                return;
            }
            if (!accepts(value)) {
                throw ctx.fail(path, "must be " + description + ", not " + Shapes.kindOf(value));
            }
            if (format != null) {
                try {
                    format.apply(value);
                } catch (IllegalArgumentException e) {
                    throw ctx.fail(path, e.getMessage() != null ? e.getMessage() : "must be " + description);
                }
            }
        }

        @Override
        public boolean accepts(Object value) {
            return kinds.stream().anyMatch(k -> k.isInstance(value));
        }

        @Override
        public String describe() {
            return description;
        }
    }

    /** A mapping with known keys; {@code x-} keys are always allowed (and ignored). */
    record Obj(Map<String, Shape> properties) implements Shape {
        @Override
        public void check(Object value, Check ctx, KeyPath path) {
            if (value == null) {
                return;
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw ctx.fail(path, "must be a mapping, not " + Shapes.kindOf(value));
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = (String) e.getKey();
                Shape shape = properties.get(key);
                if (shape == null) {
                    if (key.startsWith("x-")) {
                        continue;
                    }
                    throw ctx.fail(path.key(key), "unknown key \"" + key + "\"" + (path.parent() == null ? "" : " in " + path));
                }
                shape.check(e.getValue(), ctx, path.key(key));
            }
        }

        @Override
        public boolean accepts(Object value) {
            return value instanceof Map<?, ?>;
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        /** This shape with more keys. */
        Obj with(Map<String, Shape> more) {
            Map<String, Shape> all = new LinkedHashMap<>(properties);
            all.putAll(more);
            return new Obj(all);
        }
    }

    /** A mapping from free-form keys to values of one shape. */
    record MapOf(Shape values) implements Shape {
        @Override
        public void check(Object value, Check ctx, KeyPath path) {
            if (value == null) {
                return;
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw ctx.fail(path, "must be a mapping, not " + Shapes.kindOf(value));
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                values.check(e.getValue(), ctx, path.key((String) e.getKey()));
            }
        }

        @Override
        public boolean accepts(Object value) {
            return value instanceof Map<?, ?>;
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence of values of one shape; {@code unique}: no two equal items. */
    record ListOf(Shape items, boolean unique) implements Shape {
        @Override
        public void check(Object value, Check ctx, KeyPath path) {
            if (value == null) {
                return;
            }
            if (!(value instanceof List<?> list)) {
                throw ctx.fail(path, "must be a list, not " + Shapes.kindOf(value));
            }
            List<Object> seen = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item == null) {
                    throw ctx.fail(path.index(i), "must not be empty");
                }
                items.check(item, ctx, path.index(i));
                if (unique && seen.contains(item)) {
                    throw ctx.fail(path.index(i), "duplicate entry " + Shapes.show(item));
                }
                seen.add(item);
            }
        }

        @Override
        public boolean accepts(Object value) {
            return value instanceof List<?>;
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** One of several shapes, chosen by the value's kind. */
    record AnyOf(List<Shape> options) implements Shape {
        @Override
        public void check(Object value, Check ctx, KeyPath path) {
            if (value == null) {
                return;
            }
            for (Shape s : options) {
                if (s.accepts(value)) {
                    s.check(value, ctx, path);
                    return;
                }
            }
            List<String> names = options.stream().map(Shape::describe).distinct().toList();
            throw ctx.fail(path, "must be " + String.join(" or ", names) + ", not " + Shapes.kindOf(value));
        }

        @Override
        public boolean accepts(Object value) {
            return options.stream().anyMatch(s -> s.accepts(value));
        }

        @Override
        public String describe() {
            return String.join(" or ", options.stream().map(Shape::describe).distinct().toList());
        }
    }

    /** A key compose defines but berth does not implement: accepted, with a warning that it is ignored. */
    record Ignored() implements Shape {
        @Override
        public void check(Object value, Check ctx, KeyPath path) {
            ctx.warnings().accept(ctx.file() + ": " + path + " is not supported by berth and is ignored");
        }

        @Override
        public boolean accepts(Object value) {
            return true;
        }

        @Override
        public String describe() {
            return "anything";
        }
    }
}
