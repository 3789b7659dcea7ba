package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.builder.dockerfile.Dockerfile;
import dev.berth.engine.builder.dockerfile.DockerfileParser;
import dev.berth.engine.builder.dockerfile.ShellLex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StagePlanTest {

    private static final String STAGES = """
            FROM busybox AS tools
            FROM busybox AS assets
            FROM busybox AS unused
            """;

    /** The stage names (or "-") the last stage needs, for its body; {@code buildArgs}: K=V,... or empty. */
    private static String needs(String globals, String body, String buildArgs) {
        Dockerfile file = DockerfileParser.parse("Dockerfile", globals.replace(";", "\n") + "\n" + STAGES
                + "FROM busybox\n" + body.replace(";", "\n") + "\n");
        StagePlan plan = StagePlan.of(file);
        ShellLex lex = new ShellLex(file.escape());
        Map<String, String> meta = new HashMap<>();
        for (var arg : plan.metaArgs()) {
            arg.args().forEach(kv -> meta.put(kv.key(), kv.value()));
        }
        Map<String, String> build = new HashMap<>();
        for (String kv : buildArgs == null ? new String[0] : buildArgs.split(",")) {
            build.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        List<String> names = plan.needs(plan.stages().getLast(), lex, meta, build).stream()
                .map(i -> plan.stages().get(i).name()).toList();
        return names.isEmpty() ? "-" : String.join(" ", names);
    }

    @ParameterizedTest(name = "{0} | {1} | {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "                 | COPY --from=tools /x /x                             |             | tools",
        "                 | COPY --from=1 /x /x                                 |             | assets",
        "ARG SRC=tools    | COPY --from=$SRC /x /x                              |             | tools",
        "                 | ARG SRC=tools;COPY --from=$SRC /x /x                |             | tools",
        "                 | ARG SRC=tools;COPY --from=${SRC} /x /x              | SRC=assets  | assets",
        "ARG SRC=assets   | ARG SRC=tools;COPY --from=$SRC /x /x                |             | tools",
        "ARG SRC=assets   | ARG SRC;COPY --from=$SRC /x /x                      |             | assets",
        "                 | ENV SRC=tools;COPY --from=$SRC /x /x                |             | tools",
        "                 | ENV SRC=tools;ARG SRC=assets;COPY --from=$SRC /x /x |             | tools",
        "                 | ARG A=to B=ols;ARG SRC=$A$B;COPY --from=$SRC /x /x  |             | tools",
        "                 | COPY --from=$SRC /x /x;ARG SRC=tools                |             | -",
        "                 | ARG S=tools;COPY --from=$S /x /x;COPY --from=1 / /  |             | tools assets",
    })
    void needs_expandsCopyFromWithTheStagesOwnVariables(String globals, String body, String buildArgs,
            String expected) {
        assertThat(needs(globals == null ? "" : globals, body, buildArgs)).isEqualTo(expected);
    }

    @Test
    void needed_buildsAStageNamedThroughAStageLocalArg_beforeTheStageThatCopiesFromIt() {
        Dockerfile file = DockerfileParser.parse("Dockerfile", """
                FROM busybox AS tools
                FROM busybox AS unused
                FROM busybox
                ARG SRC=tools
                COPY --from=$SRC /x /x
                """);
        StagePlan plan = StagePlan.of(file);

        List<StagePlan.Stage> needed = plan.needed(plan.target(null), new ShellLex(file.escape()), Map.of(), Map.of());

        assertThat(needed).extracting(StagePlan.Stage::index).containsExactly(0, 2);
    }
}
