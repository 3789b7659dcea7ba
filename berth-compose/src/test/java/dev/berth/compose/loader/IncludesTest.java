package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The top-level {@code include}: short and long forms, paths, environments, conflicts, cycles. */
class IncludesTest {
    @TempDir
    Path temp;
    LoaderFixture fx;

    /** An application in db/ whose relative paths and variables are its own. */
    private static final String DB = """
            services:
              db:
                image: "postgres:${DB_TAG}"
                build: ./image
                volumes: [./data:/var/lib/data, dbdata:/db]
                env_file: ./db.env
                networks: [back]
            networks:
              back: {}
            volumes:
              dbdata: {}
            secrets:
              dbpass: {file: ./pass.txt}
            """;

    @BeforeEach
    void setUp() {
        fx = new LoaderFixture(temp);
        fx.write("db/compose.yaml", DB);
        fx.write("db/db.env", "FROM_DB_ENV=1\n");
        fx.write("db/.env", "DB_TAG=16\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "include: [db/compose.yaml]",
        "include:\n  - path: db/compose.yaml",
        "include:\n  - path: [db/compose.yaml]",
    })
    void includedApplication_bringsItsResourcesWithItsOwnPathsAndEnv(String include) {
        fx.write("compose.yaml", include + "\n" + """
                services:
                  web:
                    image: busybox
                    build: .
                    depends_on: [db]
                    networks: [back]
                """);
        Project p = fx.load();
        assertThat(p.services()).containsOnlyKeys("web", "db");
        Service db = p.service("db");
        assertThat(db.image()).isEqualTo("postgres:16");
        assertThat(db.build().context()).isEqualTo(fx.path("db/image"));
        assertThat(db.volumes().getFirst().source()).isEqualTo(fx.path("db/data"));
        assertThat(db.environment()).isEqualTo(Map.of("FROM_DB_ENV", "1"));
        assertThat(p.service("web").build().context()).isEqualTo(fx.path(""));
        assertThat(p.networks()).containsKey("back");
        assertThat(p.volumes()).containsKey("dbdata");
        assertThat(p.secrets().get("dbpass").file()).isEqualTo(fx.dir.resolve("db/pass.txt"));
        assertThat(p.name()).isEqualTo("my_app1");
    }

    @Test
    void longForm_projectDirectoryAndEnvFile_replaceTheDefaults() {
        fx.write("db/other.env", "DB_TAG=15\n");
        fx.write("elsewhere/db.env", "FROM_ELSEWHERE=1\n");
        fx.write("compose.yaml", """
                include:
                  - path: db/compose.yaml
                    project_directory: elsewhere
                    env_file: db/other.env
                """);
        Service db = fx.load().service("db");
        assertThat(db.image()).isEqualTo("postgres:15");
        assertThat(db.build().context()).isEqualTo(fx.path("elsewhere/image"));
        assertThat(db.environment()).isEqualTo(Map.of("FROM_ELSEWHERE", "1"));
    }

    @Test
    void includingEnvironment_winsOverTheIncludedEnvFile() {
        fx.env.put("DB_TAG", "from-shell");
        fx.write("compose.yaml", "include: [db/compose.yaml]\n");
        assertThat(fx.load().service("db").image()).isEqualTo("postgres:from-shell");
    }

    @Test
    void severalPaths_areMergedAsOneApplication() {
        fx.write("db/override.yaml", "services:\n  db:\n    image: \"postgres:${DB_TAG}-alpine\"\n    ports: !reset []\n");
        fx.write("compose.yaml", "include:\n  - path: [db/compose.yaml, db/override.yaml]\n");
        assertThat(fx.load().service("db").image()).isEqualTo("postgres:16-alpine");
    }

    @Test
    void nestedInclude_resolvesEachLevelAgainstItsOwnDirectory() {
        fx.write("db/compose.yaml", "include: [cache/compose.yaml]\n" + DB);
        fx.write("db/cache/compose.yaml", "services:\n  cache:\n    image: redis\n    volumes: [./conf:/conf]\n");
        fx.write("compose.yaml", "include: [db/compose.yaml]\nservices:\n  web: {image: busybox, depends_on: [cache]}\n");
        Project p = fx.load();
        assertThat(p.services()).containsOnlyKeys("web", "db", "cache");
        assertThat(p.service("cache").volumes().getFirst().source()).isEqualTo(fx.path("db/cache/conf"));
    }

    @Test
    void sameResourceInTheIncludingFile_isAConflictNamingIt() {
        fx.write("compose.yaml", "include: [db/compose.yaml]\nservices:\n  db: {image: mine}\n");
        assertThatThrownBy(fx::load).isInstanceOf(ComposeFileException.class)
                .hasMessage(fx.path("compose.yaml") + ": include[0]: services.db conflicts with an imported resource: it is defined both in "
                        + fx.path("compose.yaml") + " and in " + fx.path("db/compose.yaml"));
    }

    @Test
    void sameFileIncludedTwice_isNoConflict() {
        fx.write("a/compose.yaml", "include: [../db/compose.yaml]\nservices:\n  a: {image: a}\n");
        fx.write("compose.yaml", "include: [db/compose.yaml, a/compose.yaml]\n");
        assertThat(fx.load().services()).containsOnlyKeys("db", "a");
    }

    @Test
    void twoIncludedFiles_definingOneNetworkDifferently_conflict() {
        fx.write("other/compose.yaml", "networks:\n  back: {internal: true}\n");
        fx.write("compose.yaml", "include: [db/compose.yaml, other/compose.yaml]\n");
        assertThatThrownBy(fx::load).isInstanceOf(ComposeFileException.class)
                .hasMessage(fx.path("compose.yaml") + ": include[1]: networks.back conflicts with an imported resource: it is defined both in "
                        + fx.path("db/compose.yaml") + " and in " + fx.path("other/compose.yaml"));
    }

    @Test
    void cycle_isAnErrorNamingTheFiles() {
        fx.write("a.yaml", "include: [b.yaml]\nservices:\n  a: {image: a}\n");
        fx.write("b.yaml", "include: [a.yaml]\nservices:\n  b: {image: b}\n");
        assertThatThrownBy(() -> fx.load("a.yaml")).isInstanceOf(ComposeFileException.class)
                .hasMessage(fx.path("b.yaml") + ": include[0]: include cycle: " + fx.path("a.yaml") + " -> " + fx.path("b.yaml")
                        + " -> " + fx.path("a.yaml"));
    }

    @Test
    void missingFile_isAnErrorNamingTheEntry() {
        fx.write("compose.yaml", "include: [nope.yaml]\n");
        assertThatThrownBy(fx::load).hasMessage(fx.path("compose.yaml") + ": include[0].path: no such file: " + fx.path("nope.yaml"));
    }

    @Test
    void longFormWithoutPath_isAnError() {
        fx.write("compose.yaml", "include:\n  - env_file: x.env\n");
        assertThatThrownBy(fx::load).hasMessage(fx.path("compose.yaml") + ": include[0].path: is required");
    }

    @Test
    void unknownKeyInAnEntry_isAValidationError() {
        fx.write("compose.yaml", "include:\n  - path: db/compose.yaml\n    required: true\n");
        assertThatThrownBy(fx::load).hasMessageStartingWith(fx.path("compose.yaml") + ": include[0].required: unknown key");
    }

    @Test
    void laterDashFFile_mayChangeAnIncludedService() {
        fx.write("compose.yaml", "include: [db/compose.yaml]\nservices:\n  web: {image: busybox}\n");
        fx.write("over.yaml", "services:\n  db:\n    image: postgres:17\n    volumes: !override [./mine:/var/lib/data]\n");
        Service db = fx.load("compose.yaml", "over.yaml").service("db");
        assertThat(db.image()).isEqualTo("postgres:17");
        assertThat(db.volumes()).singleElement().satisfies(v -> assertThat(v.source()).isEqualTo(fx.path("mine")));
    }

    @Test
    void serviceOfTheIncludingFile_mayExtendAnIncludedOne() {
        fx.write("compose.yaml", "include: [db/compose.yaml]\nservices:\n  replica:\n    extends: db\n    image: postgres:replica\n");
        Project p = fx.load();
        assertThat(p.service("replica").image()).isEqualTo("postgres:replica");
        assertThat(p.service("replica").build().context()).isEqualTo(fx.path("db/image"));
    }

    @Test
    void errorInAnIncludedFile_namesThatFile() {
        fx.write("db/compose.yaml", "services:\n  db:\n    image: x\n    ports: [\"eighty:80\"]\n");
        fx.write("compose.yaml", "include: [db/compose.yaml]\n");
        assertThatThrownBy(fx::load).hasMessageStartingWith(fx.path("db/compose.yaml") + ": services.db.ports[0]: ");
    }
}
