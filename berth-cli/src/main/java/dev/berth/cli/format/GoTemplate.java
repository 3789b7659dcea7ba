package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A Go {@code text/template} as the docker CLI uses it for {@code --format}, evaluated against
 * Jackson trees.
 *
 * <p>Supported: text and actions with {@code {{- -}}} trimming and comments; fields
 * ({@code .A.B}, {@code $x.A}, {@code (pipe).A}), {@code .}, {@code $}, variables
 * ({@code $x := ..}, {@code $x = ..}), string/raw-string/char/number/bool/nil literals,
 * pipelines with {@code |}, parenthesised pipelines, {@code if / else if / else},
 * {@code with / else with}, {@code range} over arrays, objects (in key order) and integers with
 * {@code $v :=} or {@code $k, $v :=}, {@code break}, {@code continue}; functions: Go's builtins
 * and, or, not, len, index, slice, print, printf, println, eq, ne, lt, le, gt, ge, html,
 * urlquery; docker's json, split, join, title, lower, upper, pad, truncate. Not supported:
 * {@code define}, {@code template}, {@code block}, {@code call}, {@code js}.
 *
 * <p>Values print as Go's {@code fmt} prints a {@code map[string]any} decoded from JSON: arrays as
 * {@code [a b c]}, objects as {@code map[k:v k2:v2]} in key order, a missing key (or JSON null)
 * as {@code <no value>} at the top level and {@code <nil>} inside a collection; integral numbers
 * without an exponent. A field of a missing value is missing, not an error; a field of a string
 * or number is an error, as in Go.
 *
 * <p>Instances are immutable and thread-safe; parse once, execute per row.
 */
public final class GoTemplate {

    private final String source;
    private final List<TemplateNode> nodes;

    private GoTemplate(String source, List<TemplateNode> nodes) {
        this.source = source;
        this.nodes = nodes;
    }

    /**
     * Parses {@code text}.
     *
     * @throws TemplateException with Go's message, e.g. {@code template: :1: function "foo" not defined}
     */
    public static GoTemplate parse(String text) {
        return new GoTemplate(text, new TemplateParser(text, TemplateFunctions.BASIC.keySet()).parse());
    }

    /** The text this template was parsed from. */
    public String source() {
        return source;
    }

    /**
     * Runs the template with {@code data} as dot and {@code $}; a Java null is JSON null.
     *
     * @throws TemplateException with Go's message, e.g.
     *     {@code template: :1:2: executing "" at <.Name.X>: can't evaluate field X in type string}
     */
    public String execute(JsonNode data) {
        JsonNode dot = data == null ? JsonNodeFactory.instance.nullNode() : data;
        return new TemplateExecutor(source, TemplateFunctions.BASIC).run(nodes, dot);
    }

    /**
     * Runs the template as docker renders a table header: against the map from field name to
     * column header ({@code ID -> "CONTAINER ID"}), with docker's header functions, which return
     * their string argument unchanged ({@code {{json .Labels}}} gives {@code LABELS}). A field
     * the map lacks prints {@code <no value>}, as in docker.
     */
    public String executeHeader(Map<String, String> headers) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        headers.forEach(data::put);
        return new TemplateExecutor(source, TemplateFunctions.HEADER).run(nodes, data);
    }
}
