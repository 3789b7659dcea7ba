package dev.berth.cli.command.registry;

import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth login [-u USER] [-p PASS | --password-stdin] [SERVER]}: the daemon checks the
 * credentials with the registry; on success they are stored in {@code ~/.berth/config.json}.
 */
@Command(name = "login", description = "Authenticate to a registry")
public final class LoginCommand extends BerthCommand {

    @Option(names = {"-u", "--username"}, description = "Username")
    String username;

    @Option(names = {"-p", "--password"}, description = "Password or Personal Access Token (PAT)")
    String password;

    @Option(names = "--password-stdin", description = "Take the Password or Personal Access Token (PAT) from stdin")
    boolean passwordStdin;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER")
    String server;

    @Override
    public Integer call() throws IOException {
        if (password != null && passwordStdin) {
            throw new CliFailure(1, "--password and --password-stdin are mutually exclusive");
        }
        if (passwordStdin) {
            if (username == null || username.isEmpty()) {
                throw new CliFailure(1, "Must provide --username with --password-stdin");
            }
            String line = new BufferedReader(new InputStreamReader(ctx().in(), StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line.strip();
        } else if (password != null) {
            err().println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
        }
        if (username == null || password == null) {
            var console = System.console();
            if (console == null) {
                throw new CliFailure(1, "Error: Cannot perform an interactive login from a non TTY device");
            }
            if (username == null) {
                username = console.readLine("Username: ");
            }
            if (password == null) {
                password = new String(console.readPassword("Password: "));
            }
        }
        String key = RegistryCredentials.keyOf(server);
        String status = client().distribution().login(username, password, key);
        new RegistryCredentials(ctx()).store(new RegistryCredentials.Login(username, password, key));
        out().println(status);
        return 0;
    }
}
