package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The parse tree of a template: actions and control structures over pipelines. */
sealed interface TemplateNode {

    /** Literal text, copied to the output. */
    record Text(String text) implements TemplateNode {
    }

    /** {@code {{pipeline}}}: prints the pipeline's value unless it declares variables. */
    record Action(Pipeline pipeline) implements TemplateNode {
    }

    /** {@code if}, {@code with} and {@code range}, each with an optional else branch. */
    record Branch(Kind kind, Pipeline pipeline, List<TemplateNode> body, List<TemplateNode> otherwise)
            implements TemplateNode {
        enum Kind { IF, WITH, RANGE }
    }

    /** {@code {{break}}} and {@code {{continue}}} inside a range. */
    record LoopControl(boolean isBreak, int pos) implements TemplateNode {
    }

    /**
     * {@code $a, $b := cmd | cmd}. {@code assign} is true for {@code =} (set an existing
     * variable) rather than {@code :=} (declare one).
     */
    record Pipeline(int pos, String text, List<String> variables, boolean assign, List<Command> commands) {
    }

    /** One command of a pipeline: a function or value and its arguments. */
    record Command(int pos, String text, List<Arg> args) {
    }

    /** An operand. */
    sealed interface Arg {
        int pos();
    }

    /** {@code .} */
    record Dot(int pos) implements Arg {
    }

    /** {@code .A.B}: fields of dot. */
    record Field(int pos, List<String> names) implements Arg {
    }

    /** {@code $x.A.B}; {@code names} is empty for a bare variable. */
    record Variable(int pos, String name, List<String> names) implements Arg {
    }

    /** {@code (pipeline).A.B} */
    record Chain(int pos, Pipeline pipeline, List<String> names) implements Arg {
    }

    /** A function name. */
    record Function(int pos, String name) implements Arg {
    }

    /** A string, number or bool literal, or {@code nil} as a null node. */
    record Literal(int pos, JsonNode value, boolean isNil) implements Arg {
    }
}
