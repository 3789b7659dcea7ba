package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.units.GoFloat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How Go's fmt and text/template see a JSON value decoded into {@code any}: objects are
 * {@code map[string]interface {}}, arrays {@code []interface {}}, JSON null is a nil interface,
 * and a {@link com.fasterxml.jackson.databind.node.MissingNode} is the "invalid" value of a
 * missing map key.
 *
 * <p>One deliberate difference: integral numbers print as integers ({@code 1000000}, not Go's
 * float64 {@code 1e+06}), because docker evaluates most templates against typed structs whose
 * numbers are ints.
 */
final class GoValues {

    private GoValues() {
    }

    /** Missing key, JSON null or Java null: what Go prints as {@code <no value>} in an action. */
    static boolean isNothing(JsonNode v) {
        return v == null || v.isMissingNode() || v.isNull();
    }

    /** {@code fmt.Sprint(v)} of one value; a nil value is {@code <nil>}. */
    static String sprint(JsonNode v) {
        StringBuilder out = new StringBuilder();
        append(out, v);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode v) {
        if (isNothing(v)) {
            out.append("<nil>");
        } else if (v.isTextual()) {
            out.append(v.textValue());
        } else if (v.isNumber()) {
            out.append(number(v));
        } else if (v.isBoolean()) {
            out.append(v.booleanValue());
        } else if (v.isArray()) {
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                append(out, v.get(i));
            }
            out.append(']');
        } else if (v.isObject()) {
            out.append("map[");
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sortedEntries(v)) {
                if (!first) {
                    out.append(' ');
                }
                first = false;
                out.append(e.getKey()).append(':');
                append(out, e.getValue());
            }
            out.append(']');
        } else {
            out.append(v.asText());
        }
    }

    /** A number as Go's %v prints it; integral values print as integers. */
    static String number(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        double d = v.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return new BigDecimal(d).toPlainString();
        }
        return goShortest(d);
    }

    // Go %v of a float64: shortest digits, exponent form below 1e-4 or from 1e21.
    private static String goShortest(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return GoFloat.g(d, 1);
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 21) {
            return GoFloat.e(d, exact.precision() - 1);
        }
        return exact.toPlainString();
    }

    /** Object entries by key, the order Go prints and ranges over maps in. */
    static List<Map.Entry<String, JsonNode>> sortedEntries(JsonNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }

    /** text/template's truth: false, 0, nil and empty strings, arrays and maps are false. */
    static boolean isTrue(JsonNode v) {
        if (isNothing(v)) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        if (v.isContainerNode()) {
            return !v.isEmpty();
        }
        return true;
    }

    /** The Go type name in error messages. */
    static String typeName(JsonNode v) {
        if (isNothing(v)) {
            return "<nil>";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isIntegralNumber()) {
            return "int";
        }
        if (v.isNumber()) {
            return "float64";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        if (v.isArray()) {
            return "[]interface {}";
        }
        return v.isObject() ? "map[string]interface {}" : "interface {}";
    }
}
