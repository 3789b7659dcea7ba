package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.compose.model.WatchAction;
import dev.berth.compose.model.WatchExec;
import dev.berth.compose.model.WatchRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code develop.watch}: read into rules with absolute paths, and its rule-level errors. */
class DevelopTest {
    @TempDir
    Path temp;

    @Test
    void watchRules_areReadWithAbsolutePathsAndPatternLists() {
        LoaderFixture fx = new LoaderFixture(temp);
        fx.write("compose.yaml", """
                services:
                  web:
                    build: .
                    develop:
                      watch:
                        - path: ./src
                          action: sync
                          target: /app/src
                          ignore: node_modules/
                          initial_sync: true
                        - {path: package.json, action: rebuild}
                        - path: ./etc
                          action: sync+exec
                          target: /etc/app
                          include: ["*.conf"]
                          exec: {command: app reload, environment: [MODE=dev]}
                        - {path: ./conf, action: sync+restart, target: /conf}
                        - {path: ./bin, action: restart}
                """);
        List<WatchRule> rules = fx.load().service("web").develop().watch();
        assertThat(rules).containsExactly(
                new WatchRule(WatchAction.SYNC, Path.of(fx.path("src")), "/app/src", List.of("node_modules/"), List.of(), null, true),
                new WatchRule(WatchAction.REBUILD, Path.of(fx.path("package.json")), null, List.of(), List.of(), null, false),
                new WatchRule(WatchAction.SYNC_EXEC, Path.of(fx.path("etc")), "/etc/app", List.of(), List.of("*.conf"),
                        new WatchExec(List.of("app", "reload"), null, false, null, Map.of("MODE", "dev")), false),
                new WatchRule(WatchAction.SYNC_RESTART, Path.of(fx.path("conf")), "/conf", List.of(), List.of(), null, false),
                new WatchRule(WatchAction.RESTART, Path.of(fx.path("bin")), null, List.of(), List.of(), null, false));
        assertThat(fx.warnings).isEmpty();
    }

    @Test
    void serviceWithoutDevelop_hasNone() {
        LoaderFixture fx = new LoaderFixture(temp);
        fx.write("compose.yaml", "services:\n  web: {image: a}\n");
        assertThat(fx.load().service("web").develop()).isNull();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("develop: {watch: [{path: ./src, action: sync}]}",
                        "services.web.develop.watch[0].target: is required for action sync"),
                Arguments.of("develop: {watch: [{path: a, action: rebuild}, {path: ./c, action: sync+restart}]}",
                        "services.web.develop.watch[1].target: is required for action sync+restart"),
                Arguments.of("develop: {watch: [{path: ./src, action: sync, target: app}]}",
                        "services.web.develop.watch[0].target: must be an absolute path in the container"),
                Arguments.of("develop: {watch: [{action: rebuild}]}", "services.web.develop.watch[0].path: is required"),
                Arguments.of("develop: {watch: [{path: ./src}]}", "services.web.develop.watch[0].action: is required"),
                Arguments.of("develop: {watch: [{path: ./src, action: copy}]}",
                        "services.web.develop.watch[0].action: must be one of sync, rebuild, restart, sync+restart, sync+exec, not \"copy\""),
                Arguments.of("develop: {watch: [{path: ./src, action: sync+exec, target: /a}]}",
                        "services.web.develop.watch[0].exec.command: is required for action sync+exec"),
                Arguments.of("develop: {watch: [{path: ./src, action: rebuild, ignore: {a: b}}]}",
                        "services.web.develop.watch[0].ignore: must be"),
                Arguments.of("develop: {watch: [{path: ./src, action: rebuild, trigger: x}]}",
                        "services.web.develop.watch[0].trigger: unknown key \"trigger\""),
                Arguments.of("develop: {reload: true}", "services.web.develop.reload: unknown key \"reload\""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalid")
    void invalidRule_isRejectedWithItsKeyPath(String develop, String message) {
        LoaderFixture fx = new LoaderFixture(temp);
        fx.write("compose.yaml", "services:\n  web:\n    build: .\n    " + develop + "\n");
        assertThatThrownBy(fx::load).isInstanceOf(ComposeFileException.class)
                .hasMessageStartingWith(fx.path("compose.yaml") + ": ")
                .hasMessageContaining(message);
    }
}
