package dev.berth.cli.command.container;

import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth rename OLD NEW}: silent on success. */
@Command(name = "rename", description = "Rename a container")
public final class ContainerRenameCommand extends BerthCommand {

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", paramLabel = "NEW_NAME")
    String newName;

    @Override
    public Integer call() throws IOException {
        if (newName.isBlank()) {
            throw new CliFailure(1, "Error: neither old or new names may be empty");
        }
        try {
            client().containers().rename(container.strip(), newName.strip());
        } catch (IOException e) {
            throw new CliFailure(1, describe(e) + "\nError: failed to rename container named " + container);
        }
        return 0;
    }
}
