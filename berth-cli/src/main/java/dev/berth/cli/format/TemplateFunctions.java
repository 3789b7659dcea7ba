package dev.berth.cli.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The functions a docker template can call: Go's text/template builtins (and, or, not, len,
 * index, slice, print, printf, println, eq, ne, lt, le, gt, ge, html, urlquery) plus the docker
 * CLI's (json, split, join, title, lower, upper, pad, truncate).
 *
 * <p>{@link #HEADER} is docker's header set: the string functions return their first argument
 * unchanged, so a table header shows the column name and not, say, the name split in two.
 */
final class TemplateFunctions {

    /** A function over evaluated arguments; throws {@link CallError} with Go's message. */
    @FunctionalInterface
    interface Body {
        JsonNode apply(List<JsonNode> args);
    }

    /** A function's name, arity ({@code maxArgs} -1 for variadic) and body. */
    record Function(String name, int minArgs, int maxArgs, Body body) {
    }

    /** A failed call; the executor reports it as "error calling NAME: MESSAGE". */
    static final class CallError extends RuntimeException {
        CallError(String message) {
            super(message);
        }
    }

    /** Functions whose arguments are evaluated lazily by the executor (short-circuit). */
    static final List<String> SHORT_CIRCUIT = List.of("and", "or");

    /** Built on the first {@code json} call only: an ObjectMapper costs a CLI start ~20 ms. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    static final Map<String, Function> BASIC = basic();
    static final Map<String, Function> HEADER = header();

    private TemplateFunctions() {
    }

    private static Map<String, Function> basic() {
        Map<String, Function> f = new HashMap<>();
        add(f, "and", 1, -1, args -> args.getLast());
        add(f, "or", 1, -1, args -> args.getLast());
        add(f, "not", 1, 1, args -> BooleanNode.valueOf(!GoValues.isTrue(args.getFirst())));
        add(f, "len", 1, 1, args -> LongNode.valueOf(length(args.getFirst())));
        add(f, "index", 1, -1, TemplateFunctions::index);
        add(f, "slice", 1, 3, TemplateFunctions::slice);
        add(f, "print", 0, -1, args -> text(GoPrintf.sprint(args)));
        add(f, "println", 0, -1, args -> text(GoPrintf.sprintln(args)));
        add(f, "printf", 1, -1, args -> text(GoPrintf.sprintf(string(args, 0), args.subList(1, args.size()))));
        add(f, "eq", 1, -1, TemplateFunctions::eq);
        add(f, "ne", 2, 2, args -> BooleanNode.valueOf(!eq(args).booleanValue()));
        add(f, "lt", 2, 2, args -> BooleanNode.valueOf(compare(args) < 0));
        add(f, "le", 2, 2, args -> BooleanNode.valueOf(compare(args) <= 0));
        add(f, "gt", 2, 2, args -> BooleanNode.valueOf(compare(args) > 0));
        add(f, "ge", 2, 2, args -> BooleanNode.valueOf(compare(args) >= 0));
        add(f, "html", 0, -1, args -> text(html(GoPrintf.sprint(args))));
        add(f, "urlquery", 0, -1, args -> text(URLEncoder.encode(GoPrintf.sprint(args), StandardCharsets.UTF_8)));
        add(f, "json", 1, 1, args -> text(json(args.getFirst())));
        add(f, "split", 2, 2, args -> split(string(args, 0), string(args, 1)));
        add(f, "join", 2, 2, args -> text(join(args.get(0), string(args, 1))));
        add(f, "title", 1, 1, args -> text(title(string(args, 0))));
        add(f, "lower", 1, 1, args -> text(string(args, 0).toLowerCase(Locale.ROOT)));
        add(f, "upper", 1, 1, args -> text(string(args, 0).toUpperCase(Locale.ROOT)));
        add(f, "pad", 3, 3, args -> text(pad(string(args, 0), integer(args, 1), integer(args, 2))));
        add(f, "truncate", 2, 2, args -> text(truncate(string(args, 0), integer(args, 1))));
        return Map.copyOf(f);
    }

    private static Map<String, Function> header() {
        Map<String, Function> f = new HashMap<>(BASIC);
        add(f, "json", 1, 1, args -> text(string(args, 0)));
        add(f, "split", 2, 2, args -> text(string(args, 0)));
        add(f, "join", 2, 2, args -> text(string(args, 0)));
        add(f, "title", 1, 1, args -> text(string(args, 0)));
        add(f, "lower", 1, 1, args -> text(string(args, 0)));
        add(f, "upper", 1, 1, args -> text(string(args, 0)));
        add(f, "truncate", 2, 2, args -> text(string(args, 0)));
        return Map.copyOf(f);
    }

    private static void add(Map<String, Function> f, String name, int min, int max, Body body) {
        f.put(name, new Function(name, min, max, body));
    }

    private static JsonNode text(String s) {
        return TextNode.valueOf(s);
    }

    static String string(List<JsonNode> args, int i) {
        JsonNode v = args.get(i);
        if (v == null || v.isMissingNode()) {
            throw new CallError("invalid value; expected string");
        }
        if (!v.isTextual()) {
            throw new CallError("wrong type for value; expected string; got " + GoValues.typeName(v));
        }
        return v.textValue();
    }

    private static int integer(List<JsonNode> args, int i) {
        JsonNode v = args.get(i);
        if (v == null || !v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue())) {
            throw new CallError("wrong type for value; expected int; got " + GoValues.typeName(v));
        }
        return v.intValue();
    }

    private static long length(JsonNode v) {
        if (v != null && v.isTextual()) {
            return v.textValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v != null && v.isContainerNode()) {
            return v.size();
        }
        throw new CallError("len of " + (GoValues.isNothing(v) ? "nil pointer" : "type " + GoValues.typeName(v)));
    }

    // Go returns the zero value of the map's element type for a missing key. JSON objects carry
    // no element type, so an object of strings (like Labels) is taken as map[string]string and
    // yields "", as docker's typed structs do; any other object yields no value.
    private static JsonNode index(List<JsonNode> args) {
        JsonNode item = args.getFirst();
        for (JsonNode key : args.subList(1, args.size())) {
            if (GoValues.isNothing(item)) {
                throw new CallError("index of untyped nil");
            }
            if (item.isArray() || item.isTextual()) {
                int size = item.isArray() ? item.size() : item.textValue().length();
                if (key == null || !key.isIntegralNumber()) {
                    throw new CallError("cannot index slice/array with type " + GoValues.typeName(key));
                }
                int i = key.intValue();
                if (i < 0 || i >= size) {
                    throw new CallError("index out of range: " + i);
                }
                item = item.isArray() ? item.get(i) : LongNode.valueOf(item.textValue().charAt(i));
            } else if (item.isObject()) {
                if (key == null || !key.isTextual()) {
                    throw new CallError("value has type " + GoValues.typeName(key) + "; should be string");
                }
                JsonNode value = item.get(key.textValue());
                if (value == null) {
                    boolean stringMap = true;
                    for (JsonNode v : item) {
                        stringMap &= v.isTextual();
                    }
                    value = stringMap ? TextNode.valueOf("") : MissingNode.getInstance();
                }
                item = value;
            } else {
                throw new CallError("can't index item of type " + GoValues.typeName(item));
            }
        }
        return item;
    }

    private static JsonNode slice(List<JsonNode> args) {
        JsonNode item = args.getFirst();
        int size;
        if (item != null && item.isTextual()) {
            size = item.textValue().length();
        } else if (item != null && item.isArray()) {
            size = item.size();
        } else {
            throw new CallError("can't slice item of type " + GoValues.typeName(item));
        }
        int from = args.size() > 1 ? integer(args, 1) : 0;
        int to = args.size() > 2 ? integer(args, 2) : size;
        if (from < 0 || to > size || from > to) {
            throw new CallError("index out of range: " + (from < 0 || from > size ? from : to));
        }
        if (item.isTextual()) {
            return text(item.textValue().substring(from, to));
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = from; i < to; i++) {
            out.add(item.get(i));
        }
        return out;
    }

    private static BooleanNode eq(List<JsonNode> args) {
        JsonNode first = args.getFirst();
        if (args.size() < 2) {
            throw new CallError("missing argument for comparison");
        }
        for (JsonNode other : args.subList(1, args.size())) {
            if (equal(first, other)) {
                return BooleanNode.TRUE;
            }
        }
        return BooleanNode.FALSE;
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        if (GoValues.isNothing(a) || GoValues.isNothing(b)) {
            return GoValues.isNothing(a) && GoValues.isNothing(b);
        }
        if (a.isContainerNode() || b.isContainerNode()) {
            throw new CallError("non-comparable type " + GoValues.typeName(a.isContainerNode() ? a : b));
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            throw new CallError("incompatible types for comparison");
        }
        return a.equals(b);
    }

    private static int compare(List<JsonNode> args) {
        JsonNode a = args.get(0);
        JsonNode b = args.get(1);
        if (a != null && b != null && a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a != null && b != null && a.isTextual() && b.isTextual()) {
            return a.textValue().compareTo(b.textValue());
        }
        if (a != null && b != null && a.getNodeType() == b.getNodeType()) {
            throw new CallError("invalid type for comparison");
        }
        throw new CallError("incompatible types for comparison");
    }

    /** Docker's json function: compact, without HTML escaping, no trailing newline. */
    static String json(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "null";
        }
        try {
            return Mapper.JSON.writeValueAsString(v).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new CallError(e.getMessage());
        }
    }

    private static JsonNode split(String s, String sep) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        } else {
            for (String part : s.split(Pattern.quote(sep), -1)) {
                out.add(part);
            }
        }
        return out;
    }

    private static String join(JsonNode elems, String sep) {
        if (GoValues.isNothing(elems)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (elems.isArray()) {
            elems.forEach(e -> parts.add(GoValues.sprint(e)));
        } else if (elems.isObject()) {
            elems.forEach(e -> parts.add(GoValues.sprint(e)));
            parts.sort(null);
        } else {
            throw new CallError("expected slice, got " + GoValues.typeName(elems));
        }
        return String.join(sep, parts);
    }

    // strings.Title: upper-case the first letter of each word; words are separated by anything
    // that is not a letter, digit or underscore.
    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int previous = ' ';
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean separator = !(Character.isLetterOrDigit(previous) || previous == '_');
            out.appendCodePoint(separator ? Character.toTitleCase(cp) : cp);
            previous = cp;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String pad(String s, int prefix, int suffix) {
        return s.isEmpty() ? s : " ".repeat(Math.max(prefix, 0)) + s + " ".repeat(Math.max(suffix, 0));
    }

    private static String truncate(String s, int length) {
        return s.length() < length ? s : s.substring(0, Math.max(length, 0));
    }

    private static String html(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\'' -> out.append("&#39;");
                case '"' -> out.append("&#34;");
                case '\0' -> out.append('\uFFFD');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
