package dev.berth.compose.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.build.DockerIgnore;
import dev.berth.compose.model.WatchAction;
import dev.berth.compose.model.WatchRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which changed paths a rule takes, and where they land in the container. */
class WatchFilterTest {

    private static final Path APP = Path.of("/proj/app");
    private static final WatchFilter SYNC = new WatchFilter(new WatchRule(WatchAction.SYNC, APP.resolve("src"), "/srv/src",
            List.of("node_modules/", "**/*.log"), List.of(), null, false), APP, DockerIgnore.parse("secret.txt\nsrc/tmp\n"));
    private static final WatchFilter ONLY_GO = new WatchFilter(new WatchRule(WatchAction.REBUILD, APP, null,
            List.of(), List.of("*.go"), null, false), APP, DockerIgnore.none());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/proj/app/src/index.js, true",
            "/proj/app/src, true",
            "/proj/app/src/deep/er/file.css, true",
            "/proj/app/srcs/index.js, false",
            "/proj/app/other.js, false",
            "/proj/app/src/node_modules/x/index.js, false",
            "/proj/app/src/a/b/debug.log, false",
            "/proj/app/src/tmp/x, false",
            "/proj/app/src/.git/HEAD, false",
            "/proj/app/src/index.js~, false",
            "/proj/app/src/.index.js.swp, false",
            "/proj/app/src/4913, false",
            "/proj/app/src/.#index.js, false",
            "/proj/app/src/#index.js#, false",
            "/proj/app/src/index.js___jb_tmp___, false",
    })
    void syncRule_takesPathsBelowItsPathExceptIgnored(String changed, boolean accepted) {
        assertThat(SYNC.accepts(Path.of(changed))).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/proj/app/main.go, true", "/proj/app/README.md, false", "/proj/app/cmd/tool.go, false"})
    void include_limitsTheRuleToMatchingPaths(String changed, boolean accepted) {
        assertThat(ONLY_GO.accepts(Path.of(changed))).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource({
            "/srv/src, /proj/app/src/index.js, /srv/src/index.js",
            "/srv/src/, /proj/app/src/a/b.css, /srv/src/a/b.css",
            "/srv/src, /proj/app/src, /srv/src",
            "/, /proj/app/src/x, /x",
    })
    void containerPath_joinsTargetAndThePathBelowTheRule(String target, String changed, String expected) {
        WatchFilter f = new WatchFilter(new WatchRule(WatchAction.SYNC, APP.resolve("src"), target, List.of(), List.of(), null,
                false), null, DockerIgnore.none());
        assertThat(f.containerPath(Path.of(changed))).isEqualTo(expected);
    }
}
