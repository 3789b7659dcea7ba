package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.compose.model.PortMapping;
import dev.berth.compose.model.Service;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code !reset} and {@code !override} tags, in a {@code -f} merge and in {@code extends}. */
class MergeTagsTest {
    @TempDir
    Path temp;
    LoaderFixture fx;

    private static final String BASE = """
            services:
              web:
                image: app:1
                ports: ["8080:80", "9090:90"]
                environment: {A: "1", B: "1"}
                dns: [1.1.1.1]
                build: {context: ., args: {X: "1"}}
            """;

    @BeforeEach
    void setUp() {
        fx = new LoaderFixture(temp);
    }

    /** Each row: the override file's value for web, and what web holds after merging it over {@link #BASE}. */
    static Stream<Arguments> tagged() {
        return Stream.of(
                row("ports: !reset []", s -> s.ports().size(), 0),
                row("ports: !reset null", s -> s.ports().size(), 0),
                row("ports: !override [\"8081:81\"]", s -> s.ports().stream().map(PortMapping::published).toList(), java.util.List.of("8081")),
                row("ports: [\"8081:81\"]", s -> s.ports().size(), 3),
                row("environment: !reset {}", Service::environment, Map.of()),
                row("environment: !override {C: \"3\"}", Service::environment, Map.of("C", "3")),
                row("environment: !override [C=3]", Service::environment, Map.of("C", "3")),
                row("environment: {C: \"3\"}", Service::environment, Map.of("A", "1", "B", "1", "C", "3")),
                row("image: !reset null", Service::image, null),
                row("image: !override app:2", Service::image, "app:2"),
                row("dns: !override 8.8.8.8", Service::dns, java.util.List.of("8.8.8.8")),
                row("build: {args: !reset {}}", s -> s.build().args(), Map.of()),
                row("build: {args: !override {Y: \"2\"}}", s -> s.build().args(), Map.of("Y", "2")));
    }

    private static Arguments row(String value, Function<Service, Object> read, Object expected) {
        return Arguments.of(value, read, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tagged")
    void overrideFile_tagReplacesOrRemovesTheInheritedValue(String value, Function<Service, Object> read, Object expected) {
        fx.write("compose.yaml", BASE);
        fx.write("over.yaml", "services:\n  web:\n    " + value + "\n");
        Service web = fx.load("compose.yaml", "over.yaml").service("web");
        assertThat(read.apply(web)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tagged")
    void extends_tagReplacesOrRemovesTheBaseValue(String value, Function<Service, Object> read, Object expected) {
        fx.write("compose.yaml", BASE.replace("  web:", "  base:") + "  web:\n    extends: base\n    " + value + "\n");
        Service web = fx.load().service("web");
        assertThat(read.apply(web)).isEqualTo(expected);
    }

    @Test
    void extends_fromAnotherFile_tagDropsTheBaseValue() {
        fx.write("common/base.yaml", BASE);
        fx.write("compose.yaml", """
                services:
                  app:
                    extends: {file: common/base.yaml, service: web}
                    ports: !reset []
                    environment: !override {ONLY: "me"}
                """);
        Service app = fx.load().service("app");
        assertThat(app.ports()).isEmpty();
        assertThat(app.environment()).isEqualTo(Map.of("ONLY", "me"));
        assertThat(app.image()).isEqualTo("app:1");
    }

    @Test
    void reset_inASingleFile_leavesTheKeyOut() {
        fx.write("compose.yaml", "services:\n  web:\n    image: a\n    ports: !reset [\"80:80\"]\n");
        assertThat(fx.load().service("web").ports()).isEmpty();
    }

    @Test
    void reset_ofAWholeService_inALaterFileRemovesIt() {
        fx.write("compose.yaml", "services:\n  web: {image: a}\n  db: {image: b}\n");
        fx.write("over.yaml", "services:\n  db: !reset {}\n");
        assertThat(fx.load("compose.yaml", "over.yaml").services()).containsOnlyKeys("web");
    }

    @Test
    void override_worksThroughAMergeKey() {
        fx.write("compose.yaml", BASE);
        fx.write("over.yaml", """
                x-web: &web
                  ports: !override ["7070:70"]
                services:
                  web:
                    <<: *web
                """);
        assertThat(fx.load("compose.yaml", "over.yaml").service("web").ports())
                .extracting(PortMapping::published).containsExactly("7070");
    }

    @Test
    void tagOnAListItem_isAnErrorNamingThePath() {
        fx.write("compose.yaml", "services:\n  web:\n    image: a\n    ports:\n      - !reset \"80:80\"\n");
        assertThatThrownBy(fx::load).isInstanceOf(ComposeFileException.class)
                .hasMessage(fx.path("compose.yaml") + ": services.web.ports[0]: !reset applies to a value in a mapping only");
    }

    @Test
    void overriddenValue_isStillValidated() {
        fx.write("compose.yaml", BASE);
        fx.write("over.yaml", "services:\n  web:\n    ports: !override [\"eighty:80\"]\n");
        assertThatThrownBy(() -> fx.load("compose.yaml", "over.yaml")).isInstanceOf(ComposeFileException.class)
                .hasMessageStartingWith(fx.path("over.yaml") + ": services.web.ports[0]: ");
    }
}
