package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.Berthd;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.LocalRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The berth CLI's pull, push, login and logout, and run pulling a missing image; htpasswd Basic auth. */
class RegistryAuthIT extends DaemonFixture {

    private LocalRegistry open;
    private LocalRegistry locked;

    @BeforeAll
    void startRegistries() {
        assumeTrue(LocalRegistry.available(), "docker-registry is not installed (./run-tests installs it)");
        open = LocalRegistry.start();
        locked = LocalRegistry.start("alice", "s3cret");
    }

    @AfterAll
    void stopRegistries() {
        if (open != null) {
            open.close();
        }
        if (locked != null) {
            locked.close();
        }
    }

    @Test
    void berthCli_pushThenRunInAFreshDaemonPullsTheMissingImage() {
        String name = open.host() + "/bb:2";
        berth("tag", "busybox", name).assertSuccess();
        CommandResult push = berth("push", name).assertSuccess();
        assertThat(push.stdout()).containsPattern("2: digest: sha256:[0-9a-f]{64} size: \\d+")
                .doesNotContain("Pushing ["); // plain lines: no redrawn byte counts without a terminal

        try (Berthd fresh = Berthd.start("runc")) {
            CommandResult run = fresh.berth("run", "--rm", name, "echo", "from the registry").assertSuccess();
            assertThat(run.stderr()).contains("Unable to find image '" + name + "' locally")
                    .contains("Pull complete").contains("Status: Downloaded newer image for " + name);
            assertThat(run.out()).isEqualTo("from the registry");
            assertThat(fresh.berth("pull", "-q", name).assertSuccess().out()).isEqualTo(name);
            CommandResult never = fresh.berth("run", "--rm", "--pull", "never", open.host() + "/absent:1", "true");
            assertThat(never.exitCode()).isEqualTo(125);
            assertThat(never.stderr()).doesNotContain("Unable to find image");
        }
    }

    @Test
    void htpasswdRegistry_wantsALogin_andTakesTheRightOne() {
        String name = locked.host() + "/private:1";
        berth("tag", "busybox", name).assertSuccess();
        CommandResult anonymous = berth("push", name);
        assertThat(anonymous.exitCode()).isNotZero();
        assertThat(anonymous.stderr()).contains("unauthorized");

        CommandResult wrong = berth("login", "-u", "alice", "-p", "nope", locked.host());
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).contains("401 Unauthorized");

        CommandResult login = daemon.berthWithInput("s3cret\n".getBytes(StandardCharsets.UTF_8),
                "login", "-u", "alice", "--password-stdin", locked.host()).assertSuccess();
        assertThat(login.out()).isEqualTo("Login Succeeded");
        berth("push", name).assertSuccess();

        try (Berthd fresh = Berthd.start("runc")) {
            // (an anonymous docker pull gets the 401 and docker's CLI prompts for credentials, as with dockerd)
            fresh.docker("login", "-u", "alice", "-p", "s3cret", locked.host()).assertSuccess();
            fresh.docker("pull", name).assertSuccess();
        }
        assertThat(berth("logout", locked.host()).assertSuccess().out())
                .isEqualTo("Removing login credentials for " + locked.host());
        assertThat(berth("pull", name).exitCode()).isNotZero();
    }
}
