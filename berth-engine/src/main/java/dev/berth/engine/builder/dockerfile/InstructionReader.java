package dev.berth.engine.builder.dockerfile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.builder.dockerfile.Instruction.Command;
import dev.berth.engine.builder.dockerfile.Instruction.Heredoc;
import dev.berth.engine.builder.dockerfile.Instruction.KeyValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One logical line to one typed instruction; the checks Docker makes at parse time. */
final class InstructionReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FLAGGED = Set.of("FROM", "RUN", "COPY", "ADD", "HEALTHCHECK");

    private final String file;
    private final ShellLex lex;

    InstructionReader(String file, char escape) {
        this.file = file;
        this.lex = new ShellLex(escape);
    }

    Instruction read(int line, String text, List<Heredoc> heredocs, List<String> rawHeredocLines) {
        int space = indexOfSpace(text);
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space).strip();
        Map<String, String> flags = new LinkedHashMap<>();
        if (FLAGGED.contains(keyword)) {
            rest = flags(line, keyword, rest, flags);
        }
        try {
            return switch (keyword) {
                case "FROM" -> from(line, text, rest, flags);
                case "RUN" -> new Instruction.Run(line, text, heredocs.isEmpty() ? command(rest)
                        : DockerfileParser.heredocCommand(rest, heredocs, rawHeredocLines), RunFlags.of(flags));
                case "CMD" -> new Instruction.Cmd(line, text, command(rest));
                case "ENTRYPOINT" -> new Instruction.Entrypoint(line, text, command(rest));
                case "SHELL" -> new Instruction.Shell(line, text, shell(rest));
                case "ENV" -> new Instruction.Env(line, text, pairs(keyword, rest, true));
                case "LABEL" -> new Instruction.Label(line, text, pairs(keyword, rest, true));
                case "ARG" -> new Instruction.Arg(line, text, args(rest));
                case "EXPOSE" -> new Instruction.Expose(line, text, atLeastOne(keyword, lex.rawWords(rest)));
                case "WORKDIR" -> new Instruction.Workdir(line, text, exactlyOne(keyword, rest));
                case "USER" -> new Instruction.User(line, text, exactlyOne(keyword, rest));
                case "VOLUME" -> new Instruction.Volume(line, text,
                        atLeastOne(keyword, rest.startsWith("[") ? jsonList(rest) : lex.rawWords(rest)));
                case "STOPSIGNAL" -> new Instruction.StopSignal(line, text, exactlyOne(keyword, rest));
                case "HEALTHCHECK" -> healthcheck(line, text, rest, flags);
                case "ONBUILD" -> onbuild(line, text, rest);
                case "MAINTAINER" -> new Instruction.Maintainer(line, text, nonEmpty(keyword, rest));
                case "COPY", "ADD" -> copy(line, text, keyword, rest, flags, heredocs);
                default -> throw new IllegalArgumentException("unknown instruction: " + keyword);
            };
        } catch (IllegalArgumentException e) {
            throw new DockerfileException(file, line, e.getMessage());
        }
    }

    private String flags(int line, String keyword, String rest, Map<String, String> flags) {
        String remaining = rest;
        while (remaining.startsWith("--")) {
            int space = indexOfSpace(remaining);
            String flag = space < 0 ? remaining : remaining.substring(0, space);
            remaining = space < 0 ? "" : remaining.substring(space).strip();
            if (flag.equals("--")) {
                break;
            }
            int eq = flag.indexOf('=');
            String name = eq < 0 ? flag.substring(2) : flag.substring(2, eq);
            String value = eq < 0 ? "true" : flag.substring(eq + 1);
            if (name.isEmpty()) {
                throw new DockerfileException(file, line, keyword + ": invalid flag " + flag);
            }
            // --mount may repeat; the others may not
            flags.merge(name, value, (a, b) -> name.equals("mount") ? a + "\n" + b : b);
        }
        return remaining;
    }

    private Instruction from(int line, String text, String rest, Map<String, String> flags) {
        List<String> words = lex.rawWords(rest);
        if (words.size() != 1 && !(words.size() == 3 && words.get(1).equalsIgnoreCase("AS"))) {
            throw new IllegalArgumentException("FROM requires either one or three arguments");
        }
        String name = words.size() == 3 ? words.get(2).toLowerCase(Locale.ROOT) : null;
        if (name != null && !name.matches("[a-z][a-z0-9-_.]*")) {
            throw new IllegalArgumentException("invalid name for build stage: \"" + words.get(2)
                    + "\", name can't start with a number or contain symbols");
        }
        for (String flag : flags.keySet()) {
            if (!flag.equals("platform")) {
                throw new IllegalArgumentException("FROM: unknown flag: --" + flag);
            }
        }
        return new Instruction.From(line, text, words.getFirst(), name, flags.get("platform"));
    }

    private Command command(String rest) {
        if (rest.startsWith("[")) {
            List<String> exec = tryJsonList(rest);
            if (exec != null) {
                return new Command(true, exec);
            }
        }
        return Command.shell(rest);
    }

    private List<String> shell(String rest) {
        List<String> shell = tryJsonList(rest);
        if (shell == null || shell.isEmpty()) {
            throw new IllegalArgumentException("SHELL requires the arguments to be in JSON form");
        }
        return shell;
    }

    private List<KeyValue> pairs(String keyword, String rest, boolean legacyForm) {
        List<String> words = lex.rawWords(rest);
        if (words.isEmpty()) {
            throw new IllegalArgumentException(keyword + " requires at least one argument");
        }
        List<KeyValue> out = new ArrayList<>();
        if (legacyForm && !words.getFirst().contains("=")) {
            // legacy "ENV key value with spaces": one pair, the value is the rest of the line
            String key = words.getFirst();
            String value = rest.substring(rest.indexOf(key) + key.length()).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(keyword + " must have two arguments");
            }
            out.add(new KeyValue(key, value));
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(keyword + " names can not be blank: key=value expected, got "
                        + w);
            }
            if (eq == 0) {
                throw new IllegalArgumentException(keyword + " names can not be blank");
            }
            out.add(new KeyValue(w.substring(0, eq), w.substring(eq + 1)));
        }
        return out;
    }

    private List<KeyValue> args(String rest) {
        List<String> words = lex.rawWords(rest);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("ARG requires at least one argument");
        }
        List<KeyValue> out = new ArrayList<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            String key = eq < 0 ? w : w.substring(0, eq);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("ARG names can not be blank");
            }
            out.add(new KeyValue(key, eq < 0 ? null : w.substring(eq + 1)));
        }
        return out;
    }

    private Instruction healthcheck(int line, String text, String rest, Map<String, String> flags) {
        for (String flag : flags.keySet()) {
            if (!Set.of("interval", "timeout", "start-period", "start-interval", "retries").contains(flag)) {
                throw new IllegalArgumentException("HEALTHCHECK: unknown flag: --" + flag);
            }
        }
        int space = indexOfSpace(rest);
        String type = (space < 0 ? rest : rest.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : rest.substring(space).strip();
        if (type.equals("NONE")) {
            if (!args.isEmpty() || !flags.isEmpty()) {
                throw new IllegalArgumentException("HEALTHCHECK NONE takes no arguments");
            }
            return new Instruction.Healthcheck(line, text, null, flags);
        }
        if (!type.equals("CMD")) {
            throw new IllegalArgumentException("Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
        }
        return new Instruction.Healthcheck(line, text, command(nonEmpty("HEALTHCHECK CMD", args)), flags);
    }

    private Instruction onbuild(int line, String text, String rest) {
        String trigger = nonEmpty("ONBUILD", rest);
        String inner = trigger.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        switch (inner) {
            case "ONBUILD" -> throw new IllegalArgumentException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            case "FROM", "MAINTAINER" -> throw new IllegalArgumentException(inner
                    + " isn't allowed as an ONBUILD trigger");
            default -> {
            }
        }
        read(line, trigger, List.of(), List.of()); // the trigger must itself parse
        return new Instruction.OnBuild(line, text, trigger);
    }

    private Instruction copy(int line, String text, String keyword, String rest, Map<String, String> flags,
            List<Heredoc> heredocs) {
        Set<String> allowed = keyword.equals("COPY")
                ? Set.of("from", "chown", "chmod", "link", "parents", "exclude")
                : Set.of("chown", "chmod", "link", "checksum", "keep-git-dir", "exclude");
        for (String flag : flags.keySet()) {
            if (!allowed.contains(flag)) {
                throw new IllegalArgumentException(keyword + ": unknown flag: --" + flag);
            }
        }
        List<String> words = rest.startsWith("[") && tryJsonList(rest) != null ? tryJsonList(rest) : lex.rawWords(rest);
        if (words.size() < 2) {
            throw new IllegalArgumentException(keyword + " requires at least two arguments, but only "
                    + words.size() + " provided");
        }
        return new Instruction.Copy(line, text, keyword.equals("ADD"), words.subList(0, words.size() - 1),
                words.getLast(), flags, heredocs);
    }

    private static List<String> tryJsonList(String rest) {
        try {
            return JSON.readValue(rest, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> jsonList(String rest) {
        List<String> list = tryJsonList(rest);
        if (list == null) {
            throw new IllegalArgumentException("invalid JSON array: " + rest);
        }
        return list;
    }

    private static List<String> atLeastOne(String keyword, List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException(keyword + " requires at least one argument");
        }
        return words;
    }

    private static String nonEmpty(String keyword, String rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(keyword + " requires at least one argument");
        }
        return rest;
    }

    private String exactlyOne(String keyword, String rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(keyword + " requires exactly one argument");
        }
        return rest;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
