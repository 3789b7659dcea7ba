package dev.berth.engine.builder;

import dev.berth.engine.builder.dockerfile.Dockerfile;
import dev.berth.engine.builder.dockerfile.DockerfileException;
import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.builder.dockerfile.ShellLex;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The stages {@code target} needs, in Dockerfile order (target last). */
    List<Stage> needed(Stage target, ShellLex lex, Map<String, String> metaArgs) {
        TreeSet<Integer> wanted = new TreeSet<>();
        collect(target, lex, metaArgs, wanted);
        return wanted.stream().map(stages::get).toList();
    }

    private void collect(Stage stage, ShellLex lex, Map<String, String> metaArgs, TreeSet<Integer> wanted) {
        if (!wanted.add(stage.index())) {
            return;
        }
        for (int need : needs(stage, lex, metaArgs)) {
            collect(stages.get(need), lex, metaArgs, wanted);
        }
    }

    /** The earlier stages {@code stage} reads directly: the one its FROM names and those its COPY --from names. */
    java.util.Set<Integer> needs(Stage stage, ShellLex lex, Map<String, String> metaArgs) {
        TreeSet<Integer> out = new TreeSet<>();
        String base = lex.processWord(stage.from().image(), metaArgs);
        find(base).filter(s -> s.index() < stage.index()).ifPresent(s -> out.add(s.index()));
        for (Instruction i : stage.body()) {
            if (i instanceof Instruction.Copy c && c.flags().containsKey("from")) {
                String ref = lex.processWord(c.flags().get("from"), metaArgs);
                find(ref).filter(s -> s.index() < stage.index()).ifPresent(s -> out.add(s.index()));
            }
        }
        return out;
    }
}
