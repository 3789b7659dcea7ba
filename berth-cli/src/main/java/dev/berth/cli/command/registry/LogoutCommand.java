package dev.berth.cli.command.registry;

import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth logout [SERVER]}: forgets the stored credentials. */
@Command(name = "logout", description = "Log out from a registry")
public final class LogoutCommand extends BerthCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER")
    String server;

    @Override
    public Integer call() throws IOException {
        String key = RegistryCredentials.keyOf(server);
        if (new RegistryCredentials(ctx()).remove(key)) {
            out().println("Removing login credentials for " + (key.equals(RegistryCredentials.DOCKER_HUB_KEY)
                    ? "https://index.docker.io/v1/" : key));
        } else {
            out().println("Not logged in to " + key);
        }
        return 0;
    }
}
