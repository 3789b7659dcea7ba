package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.compose.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Profiles, project names and file discovery. */
class ProfilesAndNamesTest {
    private static final String PROFILED = """
            services:
              web: {image: web, depends_on: [db]}
              db: {image: db}
              debug: {image: dbg, profiles: [debug]}
              tools: {image: tools, profiles: [tools, debug], depends_on: [helper]}
              helper: {image: helper, profiles: [helper]}
            """;

    @TempDir
    Path temp;
    LoaderFixture fx;

    @BeforeEach
    void setUp() {
        fx = new LoaderFixture(temp);
    }

    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of(List.of(), List.of(), List.of("web", "db")),
                Arguments.of(List.of("debug", "helper"), List.of(), List.of("web", "db", "debug", "tools", "helper")),
                Arguments.of(List.of("*"), List.of(), List.of("web", "db", "debug", "tools", "helper")),
                Arguments.of(List.of(), List.of("debug"), List.of("web", "db", "debug")),
                Arguments.of(List.of(), List.of("tools"), List.of("web", "db", "tools", "helper")));
    }

    @ParameterizedTest(name = "profiles {0}, named {1}")
    @MethodSource("profiles")
    void profiles_enableServices(List<String> profiles, List<String> named, List<String> enabled) {
        fx.write("compose.yaml", PROFILED);
        Project p = new ProjectLoader().load(fx.options().withProfiles(profiles).withServices(named));
        assertThat(p.services().keySet()).containsExactlyElementsOf(enabled);
    }

    @Test
    void profiles_fromComposeProfilesVariable() {
        fx.write("compose.yaml", PROFILED);
        fx.env.put("COMPOSE_PROFILES", "debug, helper");
        assertThat(fx.load().services()).containsKeys("debug", "tools", "helper");
    }

    @Test
    void activeServiceRequiringAnInactiveOne_isAnError() {
        fx.write("compose.yaml", PROFILED);
        assertThatThrownBy(() -> new ProjectLoader().load(fx.options().withProfiles(List.of("tools"))))
                .hasMessage(fx.path("compose.yaml") + ": services.tools.depends_on.helper: service \"helper\" is required by \"tools\""
                        + " but not enabled by the active profiles");
    }

    @Test
    void namedUnknownService_isAnError() {
        fx.write("compose.yaml", PROFILED);
        assertThatThrownBy(() -> new ProjectLoader().load(fx.options().withServices(List.of("nope")))).hasMessageContaining("no such service: nope");
    }

    @Test
    void projectName_precedence() {
        fx.write("compose.yaml", "name: from-file\nservices:\n  web: {image: a}\n");
        assertThat(fx.load().name()).isEqualTo("from-file");
        fx.env.put("COMPOSE_PROJECT_NAME", "from-env");
        assertThat(fx.load().name()).isEqualTo("from-env");
        assertThat(new ProjectLoader().load(fx.options().withProjectName("from-flag")).name()).isEqualTo("from-flag");
    }

    @Test
    void projectName_fromDotEnv() {
        fx.write(".env", "COMPOSE_PROJECT_NAME=dotenv\n");
        fx.write("compose.yaml", "services:\n  web: {image: a}\n");
        assertThat(fx.load().name()).isEqualTo("dotenv");
    }

    @Test
    void projectName_invalidExplicit_isAnError() {
        fx.write("compose.yaml", "name: My App\nservices:\n  web: {image: a}\n");
        assertThatThrownBy(fx::load).hasMessageContaining("compose.yaml: name: invalid project name \"My App\"");
        assertThatThrownBy(() -> new ProjectLoader().load(fx.options().withProjectName("-x"))).hasMessageContaining("invalid project name \"-x\"");
    }

    static Stream<Arguments> normalized() {
        return Stream.of(
                Arguments.of("My_App.1", "my_app1"),
                Arguments.of("web", "web"),
                Arguments.of("_hidden", "hidden"),
                Arguments.of("--x y", "xy"),
                Arguments.of("Ünïcode-App", "ncode-app"),
                Arguments.of("...", ""));
    }

    @ParameterizedTest
    @MethodSource("normalized")
    void projectName_normalizesDirectoryNames(String dir, String name) {
        assertThat(ProjectName.normalize(dir)).isEqualTo(name);
    }

    @Test
    void discovery_findsTheNearestParent_andPrefersComposeYaml() throws IOException {
        fx.write("docker-compose.yml", "services:\n  old: {image: a}\n");
        fx.write("compose.yaml", "services:\n  web: {image: a}\n");
        Path deep = Files.createDirectories(fx.dir.resolve("src/main/deep"));
        Project p = new ProjectLoader().load(LoadOptions.of(deep, fx.env));
        assertThat(p.configFiles()).containsExactly(fx.dir.resolve("compose.yaml"));
        assertThat(p.workingDir()).isEqualTo(fx.dir);
        assertThat(p.name()).isEqualTo("my_app1");
        assertThat(p.services()).containsOnlyKeys("web");
    }

    @Test
    void discovery_order() throws IOException {
        for (String name : List.of("docker-compose.yaml", "docker-compose.yml", "compose.yml")) {
            fx.write(name, "services: {}\n");
            assertThat(ComposeFiles.discover(fx.dir)).containsExactly(fx.dir.resolve(name));
        }
    }

    @Test
    void discovery_nothingFound_isAnError() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThat(ComposeFiles.discover(empty)).isEmpty();
        assertThatThrownBy(() -> new ProjectLoader().load(LoadOptions.of(empty, fx.env)))
                .hasMessageStartingWith("no configuration file provided");
    }

    @Test
    void composeFileVariable_listsFiles() {
        fx.write("a.yaml", "services:\n  web: {image: a}\n");
        fx.write("b.yaml", "services:\n  web: {image: b}\n");
        fx.env.put("COMPOSE_FILE", "a.yaml:b.yaml");
        assertThat(fx.load().service("web").image()).isEqualTo("b");
    }

    @Test
    void projectDirectoryOption_movesDiscoveryEnvAndPaths() throws IOException {
        Path other = Files.createDirectories(temp.resolve("Other"));
        Files.writeString(other.resolve("compose.yaml"), "services:\n  web: {image: \"${IMG}\", volumes: [./d:/d]}\n");
        Files.writeString(other.resolve(".env"), "IMG=from-other\n");
        Project p = new ProjectLoader().load(fx.options().withProjectDirectory(other));
        assertThat(p.name()).isEqualTo("other");
        assertThat(p.service("web").image()).isEqualTo("from-other");
        assertThat(p.service("web").volumes().getFirst().source()).isEqualTo(other.resolve("d").toString());
    }
}
