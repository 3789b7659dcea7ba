package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.Berthd;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.LocalRegistry;
import dev.berth.testkit.TokenServer;
import dev.berth.testkit.Tmux;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The berth CLI's pull, push, login and logout, and run pulling a missing image; htpasswd Basic auth. */
class RegistryAuthIT extends DaemonFixture {

    private LocalRegistry open;
    private LocalRegistry locked;
    private TokenServer tokens;
    private LocalRegistry tokenRegistry;

    @BeforeAll
    void startRegistries() {
        assumeTrue(LocalRegistry.available(), "docker-registry is not installed (./run-tests installs it)");
        open = LocalRegistry.start();
        locked = LocalRegistry.start("alice", "s3cret");
        tokens = TokenServer.start("bob", "t0ken");
        tokenRegistry = LocalRegistry.startWithTokens(tokens.realm(), TokenServer.SERVICE, TokenServer.ISSUER,
                tokens.certificatePem());
    }

    @AfterAll
    void stopRegistries() {
        if (open != null) {
            open.close();
        }
        if (locked != null) {
            locked.close();
        }
        if (tokenRegistry != null) {
            tokenRegistry.close();
        }
        if (tokens != null) {
            tokens.close();
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
        assertThat(anonymous.stderr()).contains("no basic auth credentials"); // dockerd's words

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

    @Test
    void tokenAuth_anonymousIsRefused_aLoginGetsAScopedToken() {
        String name = tokenRegistry.host() + "/team/app:1";
        berth("tag", "busybox", name).assertSuccess();
        CommandResult anonymous = berth("push", name); // an anonymous token grants nothing
        assertThat(anonymous.exitCode()).isNotZero();
        assertThat(anonymous.stderr()).contains("denied: requested access to the resource is denied");

        assertThat(berth("login", "-u", "bob", "-p", "wrong", tokenRegistry.host()).exitCode()).isNotZero();
        berth("login", "-u", "bob", "-p", "t0ken", tokenRegistry.host()).assertSuccess();
        int before = tokens.issued();
        CommandResult push = berth("push", name).assertSuccess();
        assertThat(push.stdout()).containsPattern("1: digest: sha256:[0-9a-f]{64}");
        assertThat(tokens.issued()).isGreaterThan(before); // a token for repository:team/app:pull,push

        berth("rmi", name).assertSuccess();
        berth("pull", name).assertSuccess();
        assertThat(berth("image", "inspect", "--format", "{{.Id}}", name).assertSuccess().out())
                .isEqualTo(berth("image", "inspect", "--format", "{{.Id}}", "busybox").assertSuccess().out());
        berth("logout", tokenRegistry.host()).assertSuccess();
        CommandResult pull = berth("pull", name);
        assertThat(pull.exitCode()).isNotZero();
        assertThat(pull.stderr()).contains("pull access denied for " + tokenRegistry.host() + "/team/app, repository"
                + " does not exist or may require 'docker login': denied: requested access to the resource is denied");
    }

    @Test
    void refusedPullOnATerminal_asksForALogin_andTriesAgain() {
        String name = locked.host() + "/prompted:1";
        berth("tag", "busybox", name).assertSuccess();
        daemon.berthWithInput("s3cret\n".getBytes(StandardCharsets.UTF_8),
                "login", "-u", "alice", "--password-stdin", locked.host()).assertSuccess();
        berth("push", name).assertSuccess();
        berth("logout", locked.host()).assertSuccess();

        try (Tmux t = Tmux.start(120, 30, daemon.berthShellCommand("pull", name) + "; echo EXIT=$?")) {
            t.await("^Login prior to pull:$");
            t.await("^Username:");
            t.sendLine("alice");
            t.await("^Password:");
            t.sendLine("s3cret");
            String screen = t.await("^EXIT=0$");
            assertThat(screen).contains("Status: Image is up to date for " + name);
        }
        assertThat(berth("pull", name).exitCode()).isNotZero(); // the answer was not stored
    }
}
