package dev.berth.cli.command.registry;

import dev.berth.api.client.ApiException;
import dev.berth.cli.CliContext;
import java.io.Console;
import java.io.IOException;
import java.util.Optional;

/**
 * What docker's CLI does when the daemon answers a pull or push with 401: on a terminal it
 * prints "Login prior to pull:", asks for a username (offering the stored one) and a password,
 * and the command tries once more with them (they are not stored: that is {@code login}'s job).
 * Without a terminal the daemon's error stands.
 */
final class LoginPrompt {

    /** One attempt of a registry operation with an {@code X-Registry-Auth} header. */
    interface Attempt<T> {
        T run(String registryAuth) throws IOException;
    }

    private LoginPrompt() {
    }

    static <T> T withRetry(CliContext ctx, String image, String verb, Attempt<T> attempt) throws IOException {
        RegistryCredentials credentials = new RegistryCredentials(ctx);
        try {
            return attempt.run(credentials.headerFor(image));
        } catch (ApiException e) {
            Console console = System.console();
            if (e.status() != 401 || console == null || !ctx.stdinIsTerminal()) {
                throw e;
            }
            String registry = RegistryCredentials.registryOf(image);
            String key = RegistryCredentials.keyOf(registry);
            ctx.out().printf("%nLogin prior to %s:%n", verb);
            ctx.out().flush();
            Optional<String> stored = credentials.find(registry).map(RegistryCredentials.Login::username);
            String user = console.readLine(stored.map(u -> "Username (" + u + "): ").orElse("Username: "));
            if ((user == null || user.isBlank()) && stored.isPresent()) {
                user = stored.get();
            }
            char[] password = console.readPassword("Password: ");
            return attempt.run(RegistryCredentials.header(new RegistryCredentials.Login(user.strip(),
                    password == null ? "" : new String(password), key)));
        }
    }
}
