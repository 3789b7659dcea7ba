package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.berth.cli.format.TemplateNode.Arg;
import dev.berth.cli.format.TemplateNode.Branch;
import dev.berth.cli.format.TemplateNode.Command;
import dev.berth.cli.format.TemplateNode.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a parsed template against a JSON value with text/template's rules: fields of a missing
 * value are missing, a missing value prints as {@code <no value>}, maps range in key order,
 * variables live until the end of the control structure that declared them.
 */
final class TemplateExecutor {

    private enum Flow { NORMAL, BREAK, CONTINUE }

    private record Binding(String name, JsonNode value) {
    }

    /** An execution error at a node, turned into Go's message by {@link #run}. */
    private static final class ExecError extends RuntimeException {
        final int pos;
        final String node;

        ExecError(int pos, String node, String message) {
            super(message);
            this.pos = pos;
            this.node = node;
        }
    }

    private final String src;
    private final Map<String, TemplateFunctions.Function> functions;
    private final StringBuilder out = new StringBuilder();
    private final List<Binding> vars = new ArrayList<>();

    TemplateExecutor(String src, Map<String, TemplateFunctions.Function> functions) {
        this.src = src;
        this.functions = functions;
    }

    String run(List<TemplateNode> nodes, JsonNode data) {
        vars.add(new Binding("$", data));
        try {
            walk(nodes, data);
        } catch (ExecError e) {
            int lineStart = src.lastIndexOf('\n', Math.max(e.pos - 1, 0)) + 1;
            if (e.pos == 0) {
                lineStart = 0;
            }
            throw new TemplateException("template: :" + TemplateLexer.line(src, e.pos) + ":" + (e.pos - lineStart)
                    + ": executing \"\" at <" + e.node + ">: " + e.getMessage());
        }
        return out.toString();
    }

    private Flow walk(List<TemplateNode> nodes, JsonNode dot) {
        for (TemplateNode node : nodes) {
            Flow flow = switch (node) {
                case TemplateNode.Text(String text) -> {
                    out.append(text);
                    yield Flow.NORMAL;
                }
                case TemplateNode.Action(Pipeline pipeline) -> {
                    JsonNode value = pipeline(dot, pipeline, true);
                    if (pipeline.variables().isEmpty()) {
                        out.append(GoValues.isNothing(value) ? "<no value>" : GoValues.sprint(value));
                    }
                    yield Flow.NORMAL;
                }
                case TemplateNode.LoopControl control -> control.isBreak() ? Flow.BREAK : Flow.CONTINUE;
                case Branch branch -> branch.kind() == Branch.Kind.RANGE ? range(branch, dot) : ifOrWith(branch, dot);
            };
            if (flow != Flow.NORMAL) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }

    private Flow ifOrWith(Branch branch, JsonNode dot) {
        int mark = vars.size();
        try {
            JsonNode value = pipeline(dot, branch.pipeline(), true);
            if (GoValues.isTrue(value)) {
                return walk(branch.body(), branch.kind() == Branch.Kind.WITH ? value : dot);
            }
            return walk(branch.otherwise(), dot);
        } finally {
            popTo(mark);
        }
    }

    private Flow range(Branch branch, JsonNode dot) {
        int mark = vars.size();
        JsonNode value = pipeline(dot, branch.pipeline(), false);
        List<JsonNode[]> items = new ArrayList<>();
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                items.add(new JsonNode[] {LongNode.valueOf(i), value.get(i)});
            }
        } else if (value.isObject()) {
            GoValues.sortedEntries(value).forEach(e -> items.add(new JsonNode[] {TextNode.valueOf(e.getKey()), e.getValue()}));
        } else if (value.isIntegralNumber()) {
            for (long i = 0; i < value.longValue(); i++) {
                items.add(new JsonNode[] {LongNode.valueOf(i), LongNode.valueOf(i)});
            }
        } else if (!GoValues.isNothing(value)) {
            Pipeline p = branch.pipeline();
            throw new ExecError(p.pos(), p.text(), "range can't iterate over " + GoValues.sprint(value));
        }
        if (items.isEmpty()) {
            return walk(branch.otherwise(), dot);
        }
        List<String> names = branch.pipeline().variables();
        try {
            for (JsonNode[] item : items) {
                if (names.size() == 1) {
                    bind(names.getFirst(), item[1], branch.pipeline().assign());
                } else if (names.size() == 2) {
                    bind(names.get(0), item[0], branch.pipeline().assign());
                    bind(names.get(1), item[1], branch.pipeline().assign());
                }
                Flow flow = walk(branch.body(), item[1]);
                popTo(mark);
                if (flow == Flow.BREAK) {
                    break;
                }
            }
        } finally {
            popTo(mark);
        }
        return Flow.NORMAL;
    }

    private JsonNode pipeline(JsonNode dot, Pipeline pipeline, boolean declare) {
        JsonNode value = null;
        for (Command command : pipeline.commands()) {
            value = command(dot, command, value);
        }
        if (declare) {
            for (String name : pipeline.variables()) {
                bind(name, value, pipeline.assign());
            }
        }
        return value;
    }

    private void bind(String name, JsonNode value, boolean assign) {
        if (assign) {
            for (int i = vars.size() - 1; i >= 0; i--) {
                if (vars.get(i).name().equals(name)) {
                    vars.set(i, new Binding(name, value));
                    return;
                }
            }
        }
        vars.add(new Binding(name, value));
    }

    private void popTo(int mark) {
        while (vars.size() > mark) {
            vars.removeLast();
        }
    }

    private JsonNode variable(TemplateNode.Variable v) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(v.name())) {
                return vars.get(i).value();
            }
        }
        throw new ExecError(v.pos(), v.name(), "undefined variable: " + v.name());
    }

    // final is the previous command's value in a pipeline (its last argument), or null.
    private JsonNode command(JsonNode dot, Command command, JsonNode last) {
        Arg first = command.args().getFirst();
        boolean hasArgs = command.args().size() > 1 || last != null;
        return switch (first) {
            case TemplateNode.Function f -> call(dot, f, command, last);
            case TemplateNode.Field f -> fields(dot, f.names(), hasArgs, f.pos(), command.text());
            case TemplateNode.Variable v -> v.names().isEmpty() ? notAFunction(variable(v), command, hasArgs)
                    : fields(variable(v), v.names(), hasArgs, v.pos(), command.text());
            case TemplateNode.Chain c -> c.names().isEmpty() ? notAFunction(pipeline(dot, c.pipeline(), false), command, hasArgs)
                    : fields(pipeline(dot, c.pipeline(), false), c.names(), hasArgs, c.pos(), command.text());
            case TemplateNode.Dot d -> notAFunction(dot, command, hasArgs);
            case TemplateNode.Literal l -> {
                if (l.isNil()) {
                    throw new ExecError(l.pos(), command.text(), "nil is not a command");
                }
                yield notAFunction(l.value(), command, hasArgs);
            }
        };
    }

    private static JsonNode notAFunction(JsonNode value, Command command, boolean hasArgs) {
        if (hasArgs) {
            throw new ExecError(command.pos(), command.text(), "can't give argument to non-function " + firstText(command));
        }
        return value;
    }

    private static String firstText(Command command) {
        String text = command.text();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    private JsonNode arg(JsonNode dot, Arg arg, Command command) {
        return switch (arg) {
            case TemplateNode.Dot d -> dot;
            case TemplateNode.Field f -> fields(dot, f.names(), false, f.pos(), command.text());
            case TemplateNode.Variable v -> v.names().isEmpty() ? variable(v) : fields(variable(v), v.names(), false, v.pos(), command.text());
            case TemplateNode.Chain c -> fields(pipeline(dot, c.pipeline(), false), c.names(), false, c.pos(), command.text());
            case TemplateNode.Function f -> call(dot, f, new Command(f.pos(), f.name(), List.of(f)), null);
            case TemplateNode.Literal l -> l.value();
        };
    }

    private static JsonNode fields(JsonNode receiver, List<String> names, boolean hasArgs, int pos, String text) {
        JsonNode value = receiver;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (GoValues.isNothing(value)) {
                return MissingNode.getInstance();
            }
            if (!value.isObject()) {
                throw new ExecError(pos, text, "can't evaluate field " + name + " in type " + GoValues.typeName(value));
            }
            if (hasArgs && i == names.size() - 1) {
                throw new ExecError(pos, text, name + " is not a method but has arguments");
            }
            JsonNode next = value.get(name);
            value = next == null ? MissingNode.getInstance() : next;
        }
        return value;
    }

    private JsonNode call(JsonNode dot, TemplateNode.Function f, Command command, JsonNode last) {
        TemplateFunctions.Function function = functions.get(f.name());
        List<Arg> argNodes = command.args().subList(1, command.args().size());
        int count = argNodes.size() + (last != null ? 1 : 0);
        if (count < function.minArgs() || (function.maxArgs() >= 0 && count > function.maxArgs())) {
            String want = function.maxArgs() == function.minArgs() ? Integer.toString(function.minArgs())
                    : "at least " + function.minArgs();
            throw new ExecError(f.pos(), command.text(), "wrong number of args for " + f.name() + ": want " + want + " got " + count);
        }
        if (TemplateFunctions.SHORT_CIRCUIT.contains(f.name())) {
            boolean isAnd = f.name().equals("and");
            JsonNode value = NullNode.getInstance();
            for (int i = 0; i < count; i++) {
                value = i < argNodes.size() ? arg(dot, argNodes.get(i), command) : last;
                if (GoValues.isTrue(value) != isAnd) {
                    return value;
                }
            }
            return value;
        }
        List<JsonNode> args = new ArrayList<>(count);
        for (Arg a : argNodes) {
            args.add(arg(dot, a, command));
        }
        if (last != null) {
            args.add(last);
        }
        try {
            return function.body().apply(args);
        } catch (TemplateFunctions.CallError e) {
            throw new ExecError(f.pos(), command.text(), "error calling " + f.name() + ": " + e.getMessage());
        }
    }
}
