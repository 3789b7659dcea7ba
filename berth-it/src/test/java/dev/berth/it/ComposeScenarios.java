package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.BackgroundCommand;
import dev.berth.testkit.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's compose scenarios, run by {@link ComposeIT} on its daemon (a file of their own to
 * keep each file small, not a class of their own: one berthd serves all compose tests): a web
 * app + database-like service + worker built from a Dockerfile, on two networks with named
 * volumes and a healthcheck-gated start; scaling, one-off runs, log prefixes and {@code down -v};
 * {@code config} output (interpolation, merging, extends, profiles, include, {@code !reset}), a
 * validation error that creates nothing, services sharing another's PID and network namespaces,
 * and {@code compose watch} syncing and rebuilding.
 */
abstract class ComposeScenarios extends DaemonFixture {

    private static final String SHOP = """
            name: itshop
            services:
              db:
                image: busybox
                command: ["sh", "-c", "mkdir -p /www && echo rows-$$(cat /var/db/boot 2>/dev/null || echo none) > /www/index.html && echo first > /var/db/boot && exec httpd -f -p 5432 -h /www"]
                stop_signal: SIGKILL
                volumes: [dbdata:/var/db]
                networks: [back]
                healthcheck:
                  test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:5432/"]
                  interval: 200ms
                  retries: 50
              web:
                image: busybox
                command: ["sh", "-c", "echo web-started; exec sleep 3600"]
                stop_signal: SIGKILL
                networks: [front, back]
                volumes: [cache:/cache]
                depends_on:
                  db: {condition: service_healthy}
              worker:
                build: ./worker
                stop_signal: SIGKILL
                networks: [front]
                volumes: [keep:/keep]
                depends_on: [web]
            networks:
              front: {}
              back: {}
            volumes:
              dbdata: {}
              cache: {}
              keep:
                external: true
                name: itshop-keep
            """;

    @TempDir
    Path work;

    @Test
    void application_buildNetworksVolumesHealthGate_scaleRunLogsDown() throws IOException {
        Path file = work.resolve("compose.yaml");
        Files.writeString(file, SHOP);
        Files.createDirectories(work.resolve("worker"));
        Files.writeString(work.resolve("worker/Dockerfile"), """
                FROM busybox
                RUN echo built-worker > /built
                CMD ["sh", "-c", "cat /built; exec sleep 3600"]
                """);
        berth("volume", "create", "itshop-keep").assertSuccess();
        try {
            String up = compose(file, "up", "-d").assertSuccess().stderr();
            assertThat(up).contains("Network itshop_front", "Network itshop_back", "Volume itshop_dbdata",
                    "Volume itshop_cache", "Image itshop-worker Built");
            assertThat(up.indexOf("Container itshop-db-1 Healthy")).isPositive()
                    .isLessThan(up.indexOf("Container itshop-web-1 Started"));
            assertThat(up.indexOf("Container itshop-web-1 Started")).isLessThan(up.indexOf("Container itshop-worker-1 Started"));

            // web is on both networks and reaches db by name; the worker, on the front one only, cannot resolve it
            assertThat(compose(file, "exec", "-T", "web", "wget", "-q", "-O-", "http://db:5432/").assertSuccess().out())
                    .isEqualTo("rows-none");
            assertThat(compose(file, "exec", "-T", "worker", "grep", "-w", "db", "/etc/hosts").exitCode()).isEqualTo(1);
            assertThat(compose(file, "exec", "-T", "worker", "wget", "-q", "-T", "2", "-O-", "http://db:5432/").exitCode())
                    .isNotZero();
            assertThat(compose(file, "exec", "-T", "worker", "grep", "-w", "web", "/etc/hosts").assertSuccess().out())
                    .contains("itshop-web-1");

            // logs: the built image's output, compose's prefixes (padded to the longest container name)
            String logs = compose(file, "logs").assertSuccess().stdout();
            assertThat(logs.lines().toList()).contains("worker-1  | built-worker", "web-1     | web-started");

            // scale up and down: numbered containers added, then the highest numbers removed
            compose(file, "up", "-d", "--scale", "web=3").assertSuccess();
            assertThat(names()).contains("itshop-web-1", "itshop-web-2", "itshop-web-3");
            assertThat(compose(file, "exec", "-T", "--index", "3", "web", "wget", "-q", "-O-", "http://db:5432/")
                    .assertSuccess().out()).isEqualTo("rows-none");
            compose(file, "up", "-d", "--scale", "web=1").assertSuccess();
            assertThat(names()).containsExactlyInAnyOrder("itshop-db-1", "itshop-web-1", "itshop-worker-1");

            // a one-off container: its exit code passes through, --rm leaves nothing
            CommandResult run = compose(file, "run", "--rm", "-T", "web", "sh", "-c", "wget -q -O- http://db:5432/; exit 7");
            assertThat(run.exitCode()).isEqualTo(7);
            assertThat(run.stdout()).contains("rows-none");
            assertThat(berth("ps", "-aq", "--filter", "label=com.docker.compose.oneoff=True").assertSuccess().out()).isEmpty();

            // down -v: containers, networks and the project's named volumes; never the external one
            compose(file, "down", "-v").assertSuccess();
            assertThat(names()).isEmpty();
            assertThat(berth("network", "ls", "-q", "--filter", "name=itshop_").assertSuccess().out()).isEmpty();
            assertThat(berth("volume", "ls", "-q").assertSuccess().stdout().lines().toList())
                    .contains("itshop-keep").doesNotContain("itshop_dbdata", "itshop_cache");
        } finally {
            compose(file, "down", "-v", "-t", "1");
            berth("volume", "rm", "-f", "itshop-keep");
            berth("rmi", "-f", "itshop-worker");
        }
    }

    @Test
    void config_interpolatesMergesExtendsAndProfiles_andErrorsNameTheKeyPath() throws IOException {
        Files.writeString(work.resolve(".env"), "TAG=1.2\nPORT=8088\n");
        Files.writeString(work.resolve("common.yaml"), """
                services:
                  base:
                    image: busybox
                    environment:
                      FROM_BASE: "yes"
                """);
        Path main = work.resolve("compose.yaml");
        Files.writeString(main, """
                name: itcfg
                services:
                  web:
                    extends: {file: common.yaml, service: base}
                    image: "busybox:${TAG}"
                    ports: ["${PORT}:80"]
                    environment:
                      LEVEL: main
                  debug:
                    image: busybox
                    profiles: [debug]
                """);
        Path override = work.resolve("override.yaml");
        Files.writeString(override, """
                services:
                  web:
                    environment:
                      LEVEL: override
                    command: ["sleep", "1"]
                """);
        CommandResult config = berth("compose", "-f", main.toString(), "-f", override.toString(), "config").assertSuccess();
        assertThat(config.stdout()).contains("image: busybox:1.2", "LEVEL: override", "FROM_BASE: 'yes'",
                "published: '8088'", "- sleep").doesNotContain("debug", "${");
        assertThat(berth("compose", "-f", main.toString(), "config", "--services").assertSuccess().stdout().lines().toList())
                .containsExactly("web");
        assertThat(berth("compose", "-f", main.toString(), "--profile", "debug", "config", "--services").assertSuccess()
                .stdout().lines().toList()).containsExactlyInAnyOrder("web", "debug");

        Path bad = work.resolve("bad.yaml");
        Files.writeString(bad, """
                name: itbad
                services:
                  db:
                    image: busybox
                  web:
                    image: busybox
                    ports: ["eighty:80"]
                """);
        CommandResult invalid = compose(bad, "up", "-d");
        assertThat(invalid.exitCode()).isNotZero();
        assertThat(invalid.stderr()).contains("bad.yaml", "services.web.ports[0]", "eighty");
        assertThat(berth("ps", "-aq", "--filter", "label=com.docker.compose.project=itbad").assertSuccess().out()).isEmpty();
        assertThat(berth("network", "ls", "-q", "--filter", "name=itbad_").assertSuccess().out()).isEmpty();
    }

    @Test
    void config_includesAnApplicationWithItsOwnPathsAndEnv_andResetDropsInheritedPorts() throws IOException {
        Files.createDirectories(work.resolve("cache"));
        Files.writeString(work.resolve("cache/.env"), "CACHE_TAG=musl\n");
        Files.writeString(work.resolve("cache/compose.yaml"), """
                services:
                  cache:
                    image: "busybox:${CACHE_TAG}"
                    volumes: ["./conf:/conf"]
                """);
        Path main = work.resolve("compose.yaml");
        Files.writeString(main, """
                name: itinc
                include: [cache/compose.yaml]
                services:
                  web:
                    image: busybox
                    ports: ["18389:80"]
                    depends_on: [cache]
                """);
        Path override = work.resolve("override.yaml");
        Files.writeString(override, "services:\n  web:\n    ports: !reset []\n");
        CommandResult config = berth("compose", "-f", main.toString(), "-f", override.toString(), "config").assertSuccess();
        assertThat(config.stdout()).contains("image: busybox:musl", work.resolve("cache/conf").toString())
                .doesNotContain("18389", "include");
        assertThat(berth("compose", "-f", main.toString(), "config", "--services").assertSuccess().stdout().lines().toList())
                .containsExactlyInAnyOrder("cache", "web");
    }

    @Test
    void namespaceSharingServices_bringTheirDonorUp_andSeeItsProcessesAndNetwork() throws IOException {
        Path file = work.resolve("share.yaml");
        Files.writeString(file, """
                name: itshare
                services:
                  debug:
                    image: busybox
                    command: ["sleep", "3600"]
                    pid: "service:app"
                    network_mode: "service:app"
                    stop_signal: SIGKILL
                  app:
                    image: busybox
                    command: ["sh", "-c", "mkdir -p /www && echo shared > /www/index.html && exec httpd -f -p 8080 -h /www"]
                    stop_signal: SIGKILL
                """);
        try {
            // only debug is named: app comes up first because debug shares its namespaces
            compose(file, "up", "-d", "debug").assertSuccess();
            assertThat(compose(file, "exec", "-T", "debug", "ps", "-o", "comm").assertSuccess().stdout()).contains("httpd");
            assertThat(compose(file, "exec", "-T", "debug", "wget", "-q", "-O", "-", "http://127.0.0.1:8080/")
                    .assertSuccess().stdout()).isEqualTo("shared\n");
        } finally {
            compose(file, "down", "-t", "0");
        }
        assertThat(berth("ps", "-aq", "--filter", "label=com.docker.compose.project=itshare").stdout()).isEmpty();
    }

    /** The project's containers' names, as {@code ps} lists them (all states). */
    private List<String> names() {
        return berth("ps", "-a", "--format", "{{.Names}}", "--filter", "label=com.docker.compose.project=itshop")
                .assertSuccess().stdout().lines().toList();
    }

    /**
     * {@code compose watch} as a background process: a synced file's new content, a file in a new
     * directory and a deletion reach the running container; a change under a rebuild path builds
     * the image again and replaces the container. SIGTERM ends the watch, the containers stay.
     */
    @Test
    void watch_syncsEditsAddsAndDeletes_andRebuildsOnDockerfileChange() throws Exception {
        Path dir = work.resolve("watched");
        Files.createDirectories(dir.resolve("app/src"));
        Files.writeString(dir.resolve("app/Dockerfile"), "FROM busybox\nCOPY src /srv\nRUN echo one > /version\n");
        Files.writeString(dir.resolve("app/src/hello.txt"), "v1");
        Files.writeString(dir.resolve("app/src/gone.txt"), "bye");
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, """
                name: itwatch
                services:
                  app:
                    build: ./app
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    develop:
                      watch:
                        - {path: ./app/src, action: sync, target: /srv, ignore: ["*.bak"]}
                        - {path: ./app/Dockerfile, action: rebuild}
                """);
        BackgroundCommand watch = BackgroundCommand.start(berthCommand("compose", "-f", file.toString(),
                "--progress=plain", "watch"), work.resolve("watch.out"));
        try {
            Await.until("the watch is enabled", Duration.ofSeconds(60), () -> watch.output().contains("Watch enabled"));
            String before = id("itwatch-app-1");

            Files.writeString(dir.resolve("app/src/hello.txt"), "v2");
            Await.until("the edit is synced", Duration.ofSeconds(20), () -> catIn(file, "/srv/hello.txt").equals("v2"));
            Files.createDirectories(dir.resolve("app/src/sub"));
            Files.writeString(dir.resolve("app/src/sub/new.txt"), "new");
            Files.delete(dir.resolve("app/src/gone.txt"));
            Await.until("the new file is synced", Duration.ofSeconds(20), () -> catIn(file, "/srv/sub/new.txt").equals("new"));
            Await.until("the deletion is synced", Duration.ofSeconds(20),
                    () -> compose(file, "exec", "-T", "app", "test", "-e", "/srv/gone.txt").exitCode() != 0);
            assertThat(watch.output()).contains("Syncing service \"app\" after");

            Files.writeString(dir.resolve("app/Dockerfile"), "FROM busybox\nCOPY src /srv\nRUN echo two > /version\n");
            Await.until("the rebuilt image runs", Duration.ofSeconds(60), () -> catIn(file, "/version").equals("two"));
            assertThat(id("itwatch-app-1")).isNotEqualTo(before);
            assertThat(catIn(file, "/srv/sub/new.txt")).isEqualTo("new");
            assertThat(watch.output()).contains("Rebuilding service(s) [\"app\"] after changes were detected",
                    "service(s) [\"app\"] successfully built");
        } finally {
            watch.close();
            compose(file, "down", "-t", "1", "--rmi", "local");
        }
    }

    @Test
    void foregroundUpWatch_followsTheContainerARebuildRecreates() throws Exception {
        Path dir = work.resolve("upwatch");
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/Dockerfile"), "FROM busybox\nRUN echo one > /version\n");
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, """
                name: itupwatch
                services:
                  app:
                    build: ./app
                    command: ["sh", "-c", "echo running-$$(cat /version); exec sleep 3600"]
                    stop_signal: SIGKILL
                    develop:
                      watch:
                        - {path: ./app/Dockerfile, action: rebuild}
                """);
        BackgroundCommand up = BackgroundCommand.start(berthCommand("compose", "-f", file.toString(),
                "--progress=plain", "up", "--watch", "--no-color"), work.resolve("upwatch.out"));
        try {
            Await.until("the first run's output", Duration.ofSeconds(60),
                    () -> up.output().contains("running-one") && up.output().contains("Watch enabled"));
            Files.writeString(dir.resolve("app/Dockerfile"), "FROM busybox\nRUN echo two > /version\n");
            // the rebuilt container's output reaches the same foreground up, which keeps going
            Await.until("the rebuilt run's output", Duration.ofSeconds(60), () -> up.output().contains("running-two"));
            assertThat(up.isAlive()).isTrue();
        } finally {
            up.close();
            compose(file, "down", "-t", "1", "--rmi", "local");
        }
    }

    @Test
    void scaleCommand_addsAndRemovesReplicas_andStatsListsTheServicesContainers() throws IOException {
        Path file = work.resolve("scale.yaml");
        Files.writeString(file, """
                name: itscale
                services:
                  web:
                    image: busybox
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                """);
        try {
            compose(file, "up", "-d").assertSuccess();
            compose(file, "scale", "web=3").assertSuccess();
            assertThat(running("itscale")).containsExactlyInAnyOrder("itscale-web-1", "itscale-web-2", "itscale-web-3");

            List<String> rows = compose(file, "stats", "--no-stream").assertSuccess().stdout().lines().toList();
            assertThat(rows.getFirst()).startsWith("CONTAINER ID").contains("NAME", "CPU %", "MEM USAGE / LIMIT");
            assertThat(rows.subList(1, rows.size())).hasSize(3)
                    .anySatisfy(r -> assertThat(r).contains("itscale-web-1"))
                    .anySatisfy(r -> assertThat(r).contains("itscale-web-2"))
                    .anySatisfy(r -> assertThat(r).contains("itscale-web-3"));

            compose(file, "scale", "web=1").assertSuccess();
            assertThat(running("itscale")).containsExactly("itscale-web-1");
            assertThat(compose(file, "scale", "nope=2").exitCode()).isEqualTo(1);

            compose(file, "down", "-t", "0").assertSuccess();
            assertThat(berth("ps", "-aq", "--filter", "label=com.docker.compose.project=itscale").stdout()).isEmpty();
        } finally {
            compose(file, "down", "-t", "0");
        }
    }

    private List<String> running(String project) {
        return berth("ps", "--format", "{{.Names}}", "--filter", "label=com.docker.compose.project=" + project)
                .assertSuccess().stdout().lines().toList();
    }

    private String catIn(Path file, String path) {
        return compose(file, "exec", "-T", "app", "cat", path).out();
    }

    protected CommandResult compose(Path file, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "compose";
        all[1] = "-f";
        all[2] = file.toString();
        all[3] = "--progress=plain";
        System.arraycopy(args, 0, all, 4, args.length);
        return berth(all);
    }

    protected String id(String container) {
        return berth("inspect", "-f", "{{.Id}}", container).assertSuccess().out();
    }
}
