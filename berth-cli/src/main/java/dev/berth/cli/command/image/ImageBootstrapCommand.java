package dev.berth.cli.command.image;

import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code berth image bootstrap busybox}: berth only. With no registry yet, the daemon builds a
 * busybox image from the host's busybox-static; prints the image ID.
 */
@Command(name = "bootstrap", description = "Create a base image from the host (berth only): busybox")
public final class ImageBootstrapCommand extends BerthCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The image to create: busybox")
    String name;

    @Override
    public Integer call() throws IOException {
        out().println(client().images().bootstrap(name));
        return 0;
    }
}
