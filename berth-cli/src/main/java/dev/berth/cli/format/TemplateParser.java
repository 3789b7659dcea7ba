package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.berth.cli.format.TemplateLexer.ActionPiece;
import dev.berth.cli.format.TemplateLexer.Kind;
import dev.berth.cli.format.TemplateLexer.Piece;
import dev.berth.cli.format.TemplateLexer.TextPiece;
import dev.berth.cli.format.TemplateLexer.Token;
import dev.berth.cli.format.TemplateNode.Arg;
import dev.berth.cli.format.TemplateNode.Branch;
import dev.berth.cli.format.TemplateNode.Command;
import dev.berth.cli.format.TemplateNode.Pipeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the tree of a template from the lexer's pieces, reporting errors as Go does. */
final class TemplateParser {

    private static final Set<String> KEYWORDS = Set.of("if", "else", "end", "range", "with", "break", "continue",
            "define", "template", "block");

    private final String src;
    private final TemplateLexer lexer;
    private final Set<String> functions;
    private final List<Piece> pieces;
    private int next;
    private int rangeDepth;
    private final Set<String> declared = new HashSet<>(Set.of("$"));

    private record Ended(List<TemplateNode> nodes, ActionPiece terminator) {
    }

    TemplateParser(String src, Set<String> functions) {
        this.src = src;
        this.lexer = new TemplateLexer(src);
        this.functions = functions;
        this.pieces = lexer.pieces();
    }

    List<TemplateNode> parse() {
        Ended ended = list();
        if (ended.terminator() != null) {
            throw error(ended.terminator().pos(), "unexpected " + ended.terminator().source());
        }
        return ended.nodes();
    }

    // Nodes up to an {{end}} or {{else ...}} (returned as the terminator) or the end of input.
    private Ended list() {
        List<TemplateNode> nodes = new ArrayList<>();
        while (next < pieces.size()) {
            Piece piece = pieces.get(next++);
            if (piece instanceof TextPiece(String text)) {
                nodes.add(new TemplateNode.Text(text));
                continue;
            }
            ActionPiece action = (ActionPiece) piece;
            List<Token> tokens = action.tokens();
            if (tokens.isEmpty()) {
                throw error(action.pos(), "missing value for command");
            }
            Token first = tokens.getFirst();
            String keyword = first.kind() == Kind.IDENT && KEYWORDS.contains(first.text()) ? first.text() : "";
            switch (keyword) {
                case "end", "else" -> {
                    return new Ended(nodes, action);
                }
                case "if", "with", "range" -> nodes.add(branch(keyword, action, tokens.subList(1, tokens.size())));
                case "break", "continue" -> {
                    if (rangeDepth == 0) {
                        throw error(action.pos(), "{{" + keyword + "}} outside {{range}}");
                    }
                    if (tokens.size() > 1) {
                        throw error(action.pos(), "unexpected " + tokens.get(1).text() + " in {{" + keyword + "}}");
                    }
                    nodes.add(new TemplateNode.LoopControl(keyword.equals("break"), action.pos()));
                }
                case "define", "template", "block" -> throw error(action.pos(), "{{" + keyword + "}} is not supported");
                default -> nodes.add(new TemplateNode.Action(pipeline(action, tokens, false)));
            }
        }
        return new Ended(nodes, null);
    }

    private Branch branch(String keyword, ActionPiece action, List<Token> tokens) {
        Branch.Kind kind = Branch.Kind.valueOf(keyword.toUpperCase(java.util.Locale.ROOT));
        if (tokens.isEmpty()) {
            throw error(action.pos(), "missing value for " + keyword);
        }
        Set<String> outer = new HashSet<>(declared);
        Pipeline pipeline = pipeline(action, tokens, kind == Branch.Kind.RANGE);
        if (kind == Branch.Kind.RANGE) {
            rangeDepth++;
        }
        Ended body = list();
        if (kind == Branch.Kind.RANGE) {
            rangeDepth--;
        }
        List<TemplateNode> otherwise = List.of();
        ActionPiece terminator = body.terminator();
        if (terminator == null) {
            throw error(action.pos(), "unexpected EOF");
        }
        if (terminator.tokens().getFirst().text().equals("else")) {
            List<Token> rest = terminator.tokens().subList(1, terminator.tokens().size());
            if (!rest.isEmpty() && (rest.getFirst().text().equals("if") || rest.getFirst().text().equals("with"))
                    && rest.getFirst().kind() == Kind.IDENT) {
                // {{else if x}} is {{else}}{{if x}}...{{end}} sharing the outer {{end}}.
                otherwise = List.of(branch(rest.getFirst().text(), terminator, rest.subList(1, rest.size())));
                declared.retainAll(outer);
                return new Branch(kind, pipeline, body.nodes(), otherwise);
            }
            if (!rest.isEmpty()) {
                throw error(terminator.pos(), "unexpected " + rest.getFirst().text() + " in else");
            }
            Ended elseList = list();
            if (elseList.terminator() == null || !elseList.terminator().tokens().getFirst().text().equals("end")) {
                throw error(action.pos(), elseList.terminator() == null ? "unexpected EOF"
                        : "expected end; found " + elseList.terminator().source());
            }
            if (elseList.terminator().tokens().size() > 1) {
                throw error(elseList.terminator().pos(), "unexpected " + elseList.terminator().tokens().get(1).text() + " in end");
            }
            otherwise = elseList.nodes();
        }
        declared.retainAll(outer);
        return new Branch(kind, pipeline, body.nodes(), otherwise);
    }

    private Pipeline pipeline(ActionPiece action, List<Token> tokens, boolean allowTwoVariables) {
        List<String> variables = new ArrayList<>();
        boolean assign = false;
        int i = 0;
        if (tokens.size() > 1 && tokens.get(0).kind() == Kind.VARIABLE) {
            Kind after = tokens.get(1).kind();
            if (after == Kind.DECLARE || after == Kind.ASSIGN) {
                variables.add(tokens.get(0).text());
                assign = after == Kind.ASSIGN;
                i = 2;
            } else if (after == Kind.COMMA && allowTwoVariables && tokens.size() > 3
                    && tokens.get(2).kind() == Kind.VARIABLE
                    && (tokens.get(3).kind() == Kind.DECLARE || tokens.get(3).kind() == Kind.ASSIGN)) {
                variables.add(tokens.get(0).text());
                variables.add(tokens.get(2).text());
                assign = tokens.get(3).kind() == Kind.ASSIGN;
                i = 4;
            } else if (after == Kind.COMMA) {
                throw error(tokens.get(1).pos(), "too many declarations in command");
            }
        }
        Cursor cursor = new Cursor(tokens, i);
        Pipeline pipeline = commands(cursor, action.pos(), variables, assign, false);
        if (cursor.more()) {
            throw error(cursor.peek().pos(), "unexpected " + GoStrings.quote(cursor.peek().text()) + " in operand");
        }
        for (String v : variables) {
            if (assign && !declared.contains(v)) {
                throw error(action.pos(), "undefined variable \"" + v + "\"");
            }
            declared.add(v);
        }
        return pipeline;
    }

    private Pipeline commands(Cursor cursor, int pos, List<String> variables, boolean assign, boolean nested) {
        List<Command> commands = new ArrayList<>();
        int start = cursor.more() ? cursor.peek().pos() : pos;
        while (true) {
            List<Arg> args = new ArrayList<>();
            int commandStart = cursor.more() ? cursor.peek().pos() : pos;
            while (cursor.more() && cursor.peek().kind() != Kind.PIPE && cursor.peek().kind() != Kind.RPAREN) {
                args.add(operand(cursor));
            }
            if (args.isEmpty()) {
                throw error(commandStart, "missing value for command");
            }
            commands.add(new Command(commandStart, text(commandStart, cursor.lastEnd()), List.copyOf(args)));
            if (cursor.more() && cursor.peek().kind() == Kind.PIPE) {
                cursor.take();
                continue;
            }
            if (cursor.more() && cursor.peek().kind() == Kind.RPAREN && !nested) {
                throw error(cursor.peek().pos(), "unexpected right paren");
            }
            return new Pipeline(start, text(start, cursor.lastEnd()), List.copyOf(variables), assign, List.copyOf(commands));
        }
    }

    private Arg operand(Cursor cursor) {
        Token t = cursor.take();
        return switch (t.kind()) {
            case FIELD -> new TemplateNode.Field(t.pos(), fields(t, cursor));
            case DOT -> new TemplateNode.Dot(t.pos());
            case VARIABLE -> {
                if (!declared.contains(t.text())) {
                    throw error(t.pos(), "undefined variable \"" + t.text() + "\"");
                }
                yield new TemplateNode.Variable(t.pos(), t.text(), chainedFields(cursor));
            }
            case STRING -> new TemplateNode.Literal(t.pos(), TextNode.valueOf(t.value()), false);
            case CHAR -> new TemplateNode.Literal(t.pos(), LongNode.valueOf(Long.parseLong(t.value())), false);
            case NUMBER -> new TemplateNode.Literal(t.pos(), number(t), false);
            case IDENT -> switch (t.text()) {
                case "true", "false" -> new TemplateNode.Literal(t.pos(), BooleanNode.valueOf(t.text().equals("true")), false);
                case "nil" -> new TemplateNode.Literal(t.pos(), NullNode.getInstance(), true);
                default -> {
                    if (KEYWORDS.contains(t.text())) {
                        throw error(t.pos(), "unexpected <" + t.text() + "> in command");
                    }
                    if (!functions.contains(t.text())) {
                        throw error(t.pos(), "function \"" + t.text() + "\" not defined");
                    }
                    yield new TemplateNode.Function(t.pos(), t.text());
                }
            };
            case LPAREN -> {
                Pipeline inner = commands(cursor, t.pos(), List.of(), false, true);
                if (!cursor.more() || cursor.peek().kind() != Kind.RPAREN) {
                    throw error(t.pos(), "unclosed left paren");
                }
                cursor.take();
                yield new TemplateNode.Chain(t.pos(), inner, chainedFields(cursor));
            }
            default -> throw error(t.pos(), "unexpected " + GoStrings.quote(t.text()) + " in operand");
        };
    }

    private List<String> fields(Token first, Cursor cursor) {
        List<String> names = new ArrayList<>();
        names.add(first.text().substring(1));
        names.addAll(chainedFields(cursor));
        return List.copyOf(names);
    }

    // Fields written right after an operand, with no space between: $x.A.B, (pipe).A
    private static List<String> chainedFields(Cursor cursor) {
        List<String> names = new ArrayList<>();
        while (cursor.more() && cursor.peek().kind() == Kind.FIELD && !cursor.peek().spaceBefore()) {
            names.add(cursor.take().text().substring(1));
        }
        return List.copyOf(names);
    }

    private JsonNode number(Token t) {
        String text = t.text().replace("_", "");
        try {
            String digits = text.startsWith("+") ? text.substring(1) : text;
            boolean negative = digits.startsWith("-");
            String unsigned = negative ? digits.substring(1) : digits;
            long value;
            if (unsigned.startsWith("0x") || unsigned.startsWith("0X")) {
                value = Long.parseLong(unsigned.substring(2), 16);
            } else if (unsigned.startsWith("0b") || unsigned.startsWith("0B")) {
                value = Long.parseLong(unsigned.substring(2), 2);
            } else if (unsigned.startsWith("0o") || unsigned.startsWith("0O")) {
                value = Long.parseLong(unsigned.substring(2), 8);
            } else if (unsigned.length() > 1 && unsigned.startsWith("0") && unsigned.chars().allMatch(Character::isDigit)) {
                value = Long.parseLong(unsigned.substring(1), 8);
            } else if (unsigned.chars().allMatch(Character::isDigit)) {
                value = Long.parseLong(unsigned);
            } else {
                return DoubleNode.valueOf(Double.parseDouble(text));
            }
            return LongNode.valueOf(negative ? -value : value);
        } catch (NumberFormatException e) {
            throw error(t.pos(), "bad number syntax: " + GoStrings.quote(t.text()));
        }
    }

    private String text(int from, int to) {
        return src.substring(from, Math.max(from, to));
    }

    private TemplateException error(int pos, String message) {
        return lexer.parseError(pos, message);
    }

    /** A position in one action's tokens. */
    private static final class Cursor {
        private final List<Token> tokens;
        private int at;
        private int lastEnd;

        Cursor(List<Token> tokens, int at) {
            this.tokens = tokens;
            this.at = at;
        }

        boolean more() {
            return at < tokens.size();
        }

        Token peek() {
            return tokens.get(at);
        }

        Token take() {
            Token t = tokens.get(at++);
            lastEnd = t.pos() + t.text().length();
            return t;
        }

        int lastEnd() {
            return lastEnd;
        }
    }
}
