package dev.berth.engine.builder;

import dev.berth.engine.builder.dockerfile.Dockerfile;
import dev.berth.engine.builder.dockerfile.DockerfileException;
import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.builder.dockerfile.ShellLex;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Dockerfile split into its stages, the ARGs before the first FROM, and which stages a
 * target needs: itself, the stage its FROM names, the stages its {@code COPY --from} names,
 * and theirs in turn. Stages nothing needs are not built.
 */
record StagePlan(List<Instruction.Arg> metaArgs, List<Stage> stages) {

    /** One stage: its FROM, then its instructions. */
    record Stage(int index, Instruction.From from, List<Instruction> body) {

        String name() {
            return from.name();
        }

        int steps() {
            return 1 + body.size();
        }
    }

    static StagePlan of(Dockerfile file) {
        List<Instruction.Arg> meta = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        Instruction.From from = null;
        List<Instruction> body = new ArrayList<>();
        for (Instruction i : file.instructions()) {
            if (i instanceof Instruction.From f) {
                if (from != null) {
                    stages.add(new Stage(stages.size(), from, List.copyOf(body)));
                }
                from = f;
                body = new ArrayList<>();
            } else if (from == null) {
                if (!(i instanceof Instruction.Arg a)) {
                    throw new DockerfileException(file.name(), i.line(),
                            "no build stage in current context: " + i.text() + " must come after FROM");
                }
                meta.add(a);
            } else {
                body.add(i);
            }
        }
        if (from == null) {
            throw new InvalidArgumentException("the Dockerfile (" + file.name() + ") cannot be empty");
        }
        stages.add(new Stage(stages.size(), from, List.copyOf(body)));
        return new StagePlan(List.copyOf(meta), List.copyOf(stages));
    }

    /** The stage a {@code --target} names, or the last. */
    Stage target(String target) {
        if (target == null || target.isEmpty()) {
            return stages.getLast();
        }
        return find(target).orElseThrow(() -> new InvalidArgumentException(
                "failed to reach build target " + target + " in Dockerfile"));
    }

    /** An earlier stage by name or index, as FROM and COPY --from refer to one. */
    java.util.Optional<Stage> find(String ref) {
        String lower = ref.toLowerCase(Locale.ROOT);
        for (Stage s : stages) {
            if (lower.equals(s.name())) {
                return java.util.Optional.of(s);
            }
        }
        if (ref.matches("[0-9]+")) {
            int index = Integer.parseInt(ref);
            if (index < stages.size()) {
                return java.util.Optional.of(stages.get(index));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The stages {@code target} needs, in Dockerfile order (target last). {@code metaArgs}: the
     * global ARGs' values and the platform's, which FROM expands with; {@code buildArgs}: the
     * build's {@code --build-arg}s, which override a stage's ARG defaults.
     */
    List<Stage> needed(Stage target, ShellLex lex, Map<String, String> metaArgs, Map<String, String> buildArgs) {
        TreeSet<Integer> wanted = new TreeSet<>();
        collect(target, lex, metaArgs, buildArgs, wanted);
        return wanted.stream().map(stages::get).toList();
    }

    private void collect(Stage stage, ShellLex lex, Map<String, String> metaArgs, Map<String, String> buildArgs,
            TreeSet<Integer> wanted) {
        if (!wanted.add(stage.index())) {
            return;
        }
        for (int need : needs(stage, lex, metaArgs, buildArgs)) {
            collect(stages.get(need), lex, metaArgs, buildArgs, wanted);
        }
    }

    /**
     * The earlier stages {@code stage} reads directly: the one its FROM names and those its COPY
     * --from and RUN --mount from= name. A {@code --from} expands as its step will, with the ARGs and ENVs the stage
     * declared before it over the global ones, so a stage named through a variable only this
     * stage sets is built first; the base image's ENV is not known yet, and is not used.
     */
    Set<Integer> needs(Stage stage, ShellLex lex, Map<String, String> metaArgs,
            Map<String, String> buildArgs) {
        TreeSet<Integer> out = new TreeSet<>();
        String base = lex.processWord(stage.from().image(), metaArgs);
        find(base).filter(s -> s.index() < stage.index()).ifPresent(s -> out.add(s.index()));
        Map<String, String> scope = new HashMap<>(metaArgs);
        Set<String> envNames = new HashSet<>(); // ENV wins over an ARG of the same name, even a later one
        for (Instruction i : stage.body()) {
            Map<String, String> declared = new HashMap<>(); // an instruction's words see the scope before it
            switch (i) {
                case Instruction.Arg a -> a.args().forEach(kv -> {
                    String value = buildArgs.containsKey(kv.key()) ? buildArgs.get(kv.key())
                            : kv.value() == null ? null : expand(lex, kv.value(), scope);
                    if (value != null && !envNames.contains(kv.key())) {
                        declared.put(kv.key(), value);
                    }
                });
                case Instruction.Env e -> e.pairs().forEach(kv -> {
                    String key = expand(lex, kv.key(), scope);
                    String value = expand(lex, kv.value(), scope);
                    if (key != null && value != null) {
                        declared.put(key, value);
                        envNames.add(key);
                    }
                });
                case Instruction.Copy c when c.flags().containsKey("from") -> {
                    String ref = lex.processWord(c.flags().get("from"), scope);
                    find(ref).filter(s -> s.index() < stage.index()).ifPresent(s -> out.add(s.index()));
                }
                case Instruction.Run r -> r.flags().mounts().stream().filter(m -> m.from() != null)
                        .map(m -> expand(lex, m.from(), scope)).filter(java.util.Objects::nonNull)
                        .forEach(ref -> find(ref).filter(s -> s.index() < stage.index())
                                .ifPresent(s -> out.add(s.index())));
                default -> {
                }
            }
            scope.putAll(declared);
        }
        return out;
    }

    /** A word's value, or null when it does not expand (its step reports that, with its line). */
    private static String expand(ShellLex lex, String word, Map<String, String> scope) {
        try {
            return lex.processWord(word, scope);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
