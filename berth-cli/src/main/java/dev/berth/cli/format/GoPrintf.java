package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.units.GoFloat;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Go's {@code fmt.Sprint}, {@code Sprintln} and {@code Sprintf} over JSON values. */
final class GoPrintf {

    private GoPrintf() {
    }

    /** {@code fmt.Sprint}: spaces between operands when neither side is a string. */
    static String sprint(List<JsonNode> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            boolean isString = args.get(i) != null && args.get(i).isTextual();
            if (i > 0 && !isString && !args.get(i - 1).isTextual()) {
                out.append(' ');
            }
            out.append(GoValues.sprint(args.get(i)));
        }
        return out.toString();
    }

    /** {@code fmt.Sprintln}: spaces between all operands, and a newline. */
    static String sprintln(List<JsonNode> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(GoValues.sprint(args.get(i)));
        }
        return out.append('\n').toString();
    }

    /** {@code fmt.Sprintf} for the verbs v s q d t f e g x X c o b and %%, flags - + 0 and space. */
    static String sprintf(String format, List<JsonNode> args) {
        StringBuilder out = new StringBuilder();
        int argIndex = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            boolean minus = false;
            boolean plus = false;
            boolean zero = false;
            boolean space = false;
            for (; i < format.length() && "-+# 0".indexOf(format.charAt(i)) >= 0; i++) {
                switch (format.charAt(i)) {
                    case '-' -> minus = true;
                    case '+' -> plus = true;
                    case '0' -> zero = true;
                    case ' ' -> space = true;
                    default -> { }
                }
            }
            int width = -1;
            int start = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i > start) {
                width = Integer.parseInt(format.substring(start, i));
            }
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                start = ++i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
            }
            if (i >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            char verb = format.charAt(i++);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (argIndex >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            JsonNode arg = args.get(argIndex++);
            String body = verb(verb, arg, precision, plus, space);
            boolean numeric = arg != null && arg.isNumber() && "dfeEgGxXob".indexOf(verb) >= 0;
            out.append(pad(body, width, minus, zero && !minus && numeric));
        }
        if (argIndex < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = argIndex; k < args.size(); k++) {
                if (k > argIndex) {
                    out.append(", ");
                }
                out.append(GoValues.typeName(args.get(k))).append('=').append(GoValues.sprint(args.get(k)));
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String verb(char verb, JsonNode arg, int precision, boolean plus, boolean space) {
        if (GoValues.isNothing(arg)) {
            return verb == 'v' ? "<nil>" : "%!" + verb + "(<nil>)";
        }
        return switch (verb) {
            case 'v' -> signed(GoValues.sprint(arg), arg, plus, space);
            case 's' -> arg.isTextual() || arg.isContainerNode() ? truncate(GoValues.sprint(arg), precision) : bad(verb, arg);
            case 'q' -> arg.isTextual() ? GoStrings.quote(arg.textValue())
                    : arg.isIntegralNumber() ? GoStrings.quoteRune(arg.intValue()) : bad(verb, arg);
            case 'd' -> arg.isIntegralNumber() ? signed(arg.bigIntegerValue().toString(), arg, plus, space) : bad(verb, arg);
            case 't' -> arg.isBoolean() ? Boolean.toString(arg.booleanValue()) : bad(verb, arg);
            case 'f', 'F' -> arg.isNumber() ? signed(GoFloat.f(arg.doubleValue(), precision < 0 ? 6 : precision), arg, plus, space) : bad(verb, arg);
            case 'e' -> arg.isNumber() ? signed(GoFloat.e(arg.doubleValue(), precision < 0 ? 6 : precision), arg, plus, space) : bad(verb, arg);
            case 'g' -> arg.isNumber() ? signed(precision < 0 ? GoValues.number(arg) : GoFloat.g(arg.doubleValue(), precision), arg, plus, space) : bad(verb, arg);
            case 'x', 'X' -> {
                String hex;
                if (arg.isIntegralNumber()) {
                    BigInteger n = arg.bigIntegerValue();
                    hex = (n.signum() < 0 ? "-" : "") + n.abs().toString(16);
                } else if (arg.isTextual()) {
                    hex = HexFormat.of().formatHex(arg.textValue().getBytes(StandardCharsets.UTF_8));
                } else {
                    yield bad(verb, arg);
                }
                yield verb == 'X' ? hex.toUpperCase(java.util.Locale.ROOT) : hex;
            }
            case 'o' -> arg.isIntegralNumber() ? arg.bigIntegerValue().toString(8) : bad(verb, arg);
            case 'b' -> arg.isIntegralNumber() ? arg.bigIntegerValue().toString(2) : bad(verb, arg);
            case 'c' -> arg.isIntegralNumber() ? new String(Character.toChars(arg.intValue())) : bad(verb, arg);
            default -> bad(verb, arg);
        };
    }

    private static String signed(String text, JsonNode arg, boolean plus, boolean space) {
        if (arg.isNumber() && !text.startsWith("-")) {
            if (plus) {
                return "+" + text;
            }
            if (space) {
                return " " + text;
            }
        }
        return text;
    }

    private static String bad(char verb, JsonNode arg) {
        return "%!" + verb + "(" + GoValues.typeName(arg) + "=" + GoValues.sprint(arg) + ")";
    }

    private static String truncate(String s, int precision) {
        if (precision < 0 || s.codePointCount(0, s.length()) <= precision) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, precision));
    }

    private static String pad(String s, int width, boolean left, boolean zeros) {
        int length = s.codePointCount(0, s.length());
        if (width <= length) {
            return s;
        }
        if (zeros) {
            int signEnd = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
            return s.substring(0, signEnd) + "0".repeat(width - length) + s.substring(signEnd);
        }
        String padding = " ".repeat(width - length);
        return left ? s + padding : padding + s;
    }
}
