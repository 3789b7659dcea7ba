package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.Commands;
import dev.berth.testkit.Dockerd;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth compose} against a real berthd: a two-service project (a "db" with a named
 * volume, a "web" serving HTTP on a published port, both on a user network, web after db) goes
 * up, answers, shows in ps and logs, runs exec, converges without recreating what did not
 * change, recreates only the changed service, and leaves nothing behind after {@code down -v}.
 * The larger scenarios ({@link ComposeScenarios}) run on the same daemon.
 */
class ComposeIT extends ComposeScenarios {

    private static final String PROJECT = "itapp";

    private static final String FILE = """
            name: itapp
            services:
              db:
                image: busybox
                command: ["sh", "-c", "echo db-ready > /data/state; echo db-ready; exec sleep 3600"]
                volumes:
                  - data:/data
                networks: [back]
                environment:
                  ROLE: db
              web:
                image: busybox
                command: ["sh", "-c", "mkdir -p /www && echo hello-$$GREETING > /www/index.html && echo web-up && exec httpd -f -p 8080 -h /www"]
                ports:
                  - "127.0.0.1:18380:8080"
                depends_on:
                  db:
                    condition: service_started
                networks:
                  back:
                    aliases: [frontend]
                environment:
                  GREETING: %s
            networks:
              back: {}
            volumes:
              data: {}
            """;

    @TempDir
    Path dir;

    @Test
    void upPsLogsExecDown_convergesAndCleansUp() throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, FILE.formatted("one"));
        try {
            CommandResult up = compose(file, "up", "-d").assertSuccess();
            assertThat(up.stderr()).contains("Network itapp_back", "Volume itapp_data", "Container itapp-db-1",
                    "Container itapp-web-1");
            assertThat(up.stderr().indexOf("Container itapp-db-1 Started"))
                    .isLessThan(up.stderr().indexOf("Container itapp-web-1 Started"));

            Await.until("web answers on 127.0.0.1:18380", Duration.ofSeconds(20), () -> "hello-one".equals(get()));

            String ps = compose(file, "ps").assertSuccess().stdout();
            assertThat(ps).contains("NAME", "SERVICE", "itapp-db-1", "itapp-web-1", "127.0.0.1:18380->8080/tcp");
            assertThat(compose(file, "ps", "--services").assertSuccess().stdout().lines().toList())
                    .containsExactly("db", "web");

            Await.until("web's log line", Duration.ofSeconds(10),
                    () -> compose(file, "logs", "web").stdout().contains("web-1  | web-up"));
            assertThat(compose(file, "logs").assertSuccess().stdout()).contains("db-1   | db-ready");

            assertThat(compose(file, "exec", "-T", "db", "cat", "/data/state").assertSuccess().out()).isEqualTo("db-ready");
            // services find each other by service name and by alias on the project's network
            assertThat(compose(file, "exec", "-T", "web", "grep", "-w", "db", "/etc/hosts").assertSuccess().out())
                    .contains("itapp-db-1");
            assertThat(compose(file, "exec", "-T", "db", "grep", "-w", "frontend", "/etc/hosts").assertSuccess().out())
                    .contains("itapp-web-1");

            String dbId = id("itapp-db-1");
            String webId = id("itapp-web-1");
            CommandResult again = compose(file, "up", "-d").assertSuccess();
            assertThat(again.stderr()).doesNotContain("Recreate", "Creating");
            assertThat(id("itapp-db-1")).isEqualTo(dbId);
            assertThat(id("itapp-web-1")).isEqualTo(webId);

            Files.writeString(file, FILE.formatted("two"));
            CommandResult changed = compose(file, "up", "-d").assertSuccess();
            assertThat(changed.stderr()).contains("Container itapp-web-1 Recreated").doesNotContain("itapp-db-1 Recreate");
            assertThat(id("itapp-db-1")).isEqualTo(dbId);
            assertThat(id("itapp-web-1")).isNotEqualTo(webId);
            Await.until("the recreated web answers", Duration.ofSeconds(20), () -> "hello-two".equals(get()));

            assertThat(berth("inspect", "-f", "{{index .Config.Labels \"com.docker.compose.project\"}} "
                    + "{{index .Config.Labels \"com.docker.compose.service\"}} "
                    + "{{index .Config.Labels \"com.docker.compose.container-number\"}} "
                    + "{{index .Config.Labels \"com.docker.compose.oneoff\"}}", "itapp-web-1").assertSuccess().out())
                    .isEqualTo("itapp web 1 False");

            compose(file, "down", "-v").assertSuccess();
            assertThat(berth("ps", "-aq", "--filter", "label=com.docker.compose.project=" + PROJECT).assertSuccess().out()).isEmpty();
            assertThat(berth("network", "ls", "-q", "--filter", "name=itapp_").assertSuccess().out()).isEmpty();
            assertThat(berth("volume", "ls", "-q", "--filter", "name=itapp_").assertSuccess().out()).isEmpty();
        } finally {
            compose(file, "down", "-v", "-t", "1");
        }
    }

    /** The official docker compose plugin against berthd, when this machine has one. */
    @Test
    void dockerCompose_bringsTheSameProjectUpAndDown() throws IOException {
        Assumptions.assumeTrue(docker("compose", "version").exitCode() == 0, "no docker compose plugin on this machine");
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, FILE.formatted("docker"));
        try {
            docker("compose", "-f", file.toString(), "up", "-d").assertSuccess();
            Await.until("web answers on 127.0.0.1:18380", Duration.ofSeconds(20), () -> "hello-docker".equals(get()));
            // berth compose sees docker compose's project by its labels
            assertThat(compose(file, "ps", "--services").assertSuccess().stdout().lines().toList()).containsExactly("db", "web");
            docker("compose", "-f", file.toString(), "down", "-v").assertSuccess();
            assertThat(berth("ps", "-aq", "--filter", "label=com.docker.compose.project=" + PROJECT).assertSuccess().out()).isEmpty();
        } finally {
            compose(file, "down", "-v", "-t", "1");
        }
    }

    private static final String GATED = """
            name: itgated
            services:
              db:
                image: busybox
                command: ["sh", "-c", "sleep 1; touch /tmp/ready; exec sleep 3600"]
                stop_signal: SIGKILL
                environment:
                  VERSION: %s
                healthcheck:
                  test: ["CMD", "test", "-f", "/tmp/ready"]
                  interval: 200ms
                  retries: 50
              init:
                image: busybox
                command: ["sh", "-c", "echo seeded > /shared/seed"]
                volumes: [shared:/shared]
              app:
                image: busybox
                command: ["sh", "-c", "cat /shared/seed; exec sleep 3600"]
                stop_signal: SIGKILL
                volumes: [shared:/shared]
                depends_on:
                  db: {condition: service_healthy, restart: true}
                  init: {condition: service_completed_successfully}
              cache:
                image: busybox
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
            volumes:
              shared: {}
            """;

    /**
     * depends_on conditions gate the start: app waits for db's healthcheck and for init's zero
     * exit; cache, which depends on nothing, starts at once beside them (parallel convergence);
     * recreating db restarts app ({@code restart: true}); a failed one-shot stops the up.
     */
    @Test
    void dependsOnConditions_gateStartAndRestartDependents() throws IOException {
        long testStart = System.currentTimeMillis() / 1000 - 1;
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, GATED.formatted("1"));
        Path failing = dir.resolve("failing.yaml");
        Files.writeString(failing, """
                name: itfail
                services:
                  migrate:
                    image: busybox
                    command: ["sh", "-c", "exit 3"]
                  app:
                    image: busybox
                    command: ["sleep", "3600"]
                    depends_on:
                      migrate: {condition: service_completed_successfully}
                """);
        try {
            String err = compose(file, "up", "-d").assertSuccess().stderr();
            assertThat(err.indexOf("Container itgated-db-1 Healthy")).isPositive()
                    .isLessThan(err.indexOf("Container itgated-app-1 Started"));
            assertThat(err.indexOf("Container itgated-init-1 Exited")).isPositive()
                    .isLessThan(err.indexOf("Container itgated-app-1 Started"));
            assertThat(err.indexOf("Container itgated-cache-1 Started")).isPositive()
                    .isLessThan(err.indexOf("Container itgated-db-1 Healthy"));
            assertThat(compose(file, "logs", "--no-log-prefix", "app").assertSuccess().out()).isEqualTo("seeded");
            assertThat(compose(file, "wait", "init").exitCode()).isZero();
            // cp both ways through the service's container
            Path local = dir.resolve("note.txt");
            Files.writeString(local, "from-host");
            compose(file, "cp", local.toString(), "app:/tmp/note.txt").assertSuccess();
            assertThat(compose(file, "exec", "-T", "app", "cat", "/tmp/note.txt").assertSuccess().out()).isEqualTo("from-host");
            compose(file, "cp", "app:/shared/seed", dir.toString()).assertSuccess();
            assertThat(Files.readString(dir.resolve("seed")).strip()).isEqualTo("seeded");

            String appId = id("itgated-app-1");
            String started = berth("inspect", "-f", "{{.State.StartedAt}}", "itgated-app-1").assertSuccess().out();
            Files.writeString(file, GATED.formatted("2"));
            String again = compose(file, "up", "-d").assertSuccess().stderr();
            assertThat(again).contains("Container itgated-db-1 Recreated", "Container itgated-app-1 Restarting")
                    .doesNotContain("itgated-app-1 Recreate", "itgated-cache-1 Restarting");
            assertThat(id("itgated-app-1")).isEqualTo(appId);
            assertThat(berth("inspect", "-f", "{{.State.StartedAt}}", "itgated-app-1").assertSuccess().out()).isNotEqualTo(started);

            String events = compose(file, "events", "--json", "--since", Long.toString(testStart), "--until",
                    Long.toString(System.currentTimeMillis() / 1000 + 1)).assertSuccess().stdout();
            assertThat(events).contains("\"service\":\"app\"", "\"action\":\"start\"", "\"action\":\"die\"")
                    .doesNotContain("com.docker.compose.project");

            CommandResult failed = compose(failing, "up", "-d");
            assertThat(failed.exitCode()).isNotZero();
            assertThat(failed.stderr()).contains("service \"migrate\" didn't complete successfully: exit 3");
            assertThat(berth("ps", "-aq", "--filter", "name=itfail-app").assertSuccess().out()).isEmpty();
        } finally {
            compose(file, "down", "-v", "-t", "1");
            compose(failing, "down", "-v", "-t", "1");
        }
    }

    /** The foreground up keeps following a container its restart policy brings back, until it stays down. */
    @Test
    void foregroundUp_followsAContainerAcrossRestarts() throws IOException {
        Path file = dir.resolve("restarts.yaml");
        Files.writeString(file, """
                name: itrestart
                services:
                  flaky:
                    image: busybox
                    command: ["sh", "-c", "echo attempt; exit 1"]
                    restart: on-failure:1
                """);
        try {
            CommandResult up = compose(file, "up");
            assertThat(up.stdout().lines().filter(l -> l.equals("flaky-1  | attempt")).count()).isEqualTo(2);
            assertThat(up.stdout()).contains("flaky-1 exited with code 1");
        } finally {
            compose(file, "down", "-t", "1");
        }
    }

    /** Debian's docker-compose 1.29 (the Python client, docker-py) against berthd, when installed. */
    @Test
    void dockerCompose1_upPsLogsRunDown() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(DOCKER_COMPOSE_1)), "no docker-compose 1.x on this machine");
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, FILE.formatted("v1").replace("name: itapp\n", ""));
        try {
            compose1(file, "up", "-d").assertSuccess();
            Await.until("web answers on 127.0.0.1:18380", Duration.ofSeconds(20), () -> "hello-v1".equals(get()));
            assertThat(compose1(file, "ps").assertSuccess().stdout()).contains("itapp_db_1", "itapp_web_1", "Up",
                    "127.0.0.1:18380->8080/tcp");
            Await.until("both services' log lines", Duration.ofSeconds(10), () -> {
                String logs = compose1(file, "logs", "--no-color").stdout();
                return logs.contains("web-up") && logs.contains("db-ready");
            });
            // a one-off container: docker-compose links it to the service's containers on the user network
            assertThat(compose1(file, "run", "--rm", "-T", "web", "cat", "/etc/hostname").assertSuccess().out()).isNotEmpty();
            // both tools see the same project through the labels
            assertThat(compose(file, "-p", PROJECT, "ps", "--services").assertSuccess().stdout().lines().toList())
                    .containsExactly("db", "web");
            compose1(file, "down", "-v").assertSuccess();
            assertThat(berth("ps", "-aq", "--filter", "label=com.docker.compose.project=" + PROJECT).assertSuccess().out()).isEmpty();
            assertThat(berth("network", "ls", "-q", "--filter", "name=itapp_").assertSuccess().out()).isEmpty();
            assertThat(berth("volume", "ls", "-q", "--filter", "name=itapp_").assertSuccess().out()).isEmpty();
        } finally {
            compose(file, "-p", PROJECT, "down", "-v", "-t", "1");
        }
    }

    /**
     * berth compose as a client of a Docker daemon, when docker.io is installed: a private dockerd
     * (own socket and roots, no iptables, no docker0) gets berth's busybox and runs a small project.
     */
    @Test
    void berthCompose_drivesADockerDaemon() throws IOException {
        Assumptions.assumeTrue(Dockerd.installed(), "no dockerd on this machine");
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, """
                name: itdocker
                services:
                  db:
                    image: busybox
                    command: ["sh", "-c", "echo db-up; exec sleep 3600"]
                    stop_signal: SIGKILL
                  web:
                    image: busybox
                    command: ["sh", "-c", "ping -c 1 -W 2 db >/dev/null && echo sees-db; exec sleep 3600"]
                    stop_signal: SIGKILL
                    depends_on: [db]
                """);
        Path tar = dir.resolve("busybox.tar");
        berth("save", "-o", tar.toString(), "busybox").assertSuccess();
        try (Dockerd dockerd = Dockerd.start()) {
            dockerd.docker(Files.readAllBytes(tar), "load").assertSuccess();
            try {
                String up = onDockerd(dockerd, file, "up", "-d").assertSuccess().stderr();
                assertThat(up).contains("Network itdocker_default", "Container itdocker-db-1 Started",
                        "Container itdocker-web-1 Started");
                assertThat(onDockerd(dockerd, file, "ps", "--format", "{{.Name}} {{.State}}").assertSuccess().stdout()
                        .lines().toList()).containsExactly("itdocker-db-1 running", "itdocker-web-1 running");
                Await.until("web's log line", Duration.ofSeconds(10),
                        () -> onDockerd(dockerd, file, "logs", "web").stdout().contains("web-1  | sees-db"));
                // dockerd's own view: compose's labels, as docker compose would set them
                assertThat(dockerd.docker(null, "inspect", "-f", "{{index .Config.Labels \"com.docker.compose.service\"}}",
                        "itdocker-web-1").assertSuccess().out()).isEqualTo("web");
                onDockerd(dockerd, file, "down", "-t", "1").assertSuccess();
                assertThat(dockerd.docker(null, "ps", "-aq").assertSuccess().out()).isEmpty();
                assertThat(dockerd.docker(null, "network", "ls", "-q", "--filter", "name=itdocker_").assertSuccess().out()).isEmpty();
            } finally {
                onDockerd(dockerd, file, "down", "-t", "1");
            }
        }
    }

    private CommandResult onDockerd(Dockerd dockerd, Path file, String... args) {
        List<String> all = new ArrayList<>(List.of("compose", "-f", file.toString(), "--progress=plain"));
        all.addAll(List.of(args));
        return daemon.berthOn(dockerd.host(), null, all.toArray(String[]::new));
    }

    private static final String DOCKER_COMPOSE_1 = "/usr/bin/docker-compose";

    private CommandResult compose1(Path file, String... args) {
        List<String> cmd = new ArrayList<>(List.of(DOCKER_COMPOSE_1, "-H", daemon.host(), "-f", file.toString(), "-p", PROJECT));
        cmd.addAll(List.of(args));
        return Commands.run(cmd, Map.of("DOCKER_CONFIG", dir.resolve("docker-config").toString()), null, 120);
    }

    private static String get() {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18380/"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
