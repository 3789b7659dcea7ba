package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.CommandResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth compose} against a real berthd: a two-service project (a "db" with a named
 * volume, a "web" serving HTTP on a published port, both on a user network, web after db) goes
 * up, answers, shows in ps and logs, runs exec, converges without recreating what did not
 * change, recreates only the changed service, and leaves nothing behind after {@code down -v}.
 */
class ComposeIT extends DaemonFixture {

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

    private CommandResult compose(Path file, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "compose";
        all[1] = "-f";
        all[2] = file.toString();
        all[3] = "--progress=plain";
        System.arraycopy(args, 0, all, 4, args.length);
        return berth(all);
    }

    private String id(String container) {
        return berth("inspect", "-f", "{{.Id}}", container).assertSuccess().out();
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
