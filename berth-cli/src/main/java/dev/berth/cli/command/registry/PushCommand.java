package dev.berth.cli.command.registry;

import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth push [-q] NAME[:TAG]}. */
@Command(name = "push", description = "Upload an image to a registry")
public final class PushCommand extends BerthCommand {

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output")
    boolean quiet;

    @Parameters(index = "0", paramLabel = "NAME[:TAG]")
    String image;

    @Override
    public Integer call() throws IOException {
        if (image.contains("@")) {
            throw new CliFailure(1, "invalid reference format: cannot push a digest reference");
        }
        String name = image;
        String tag = "latest";
        int colon = image.lastIndexOf(':');
        if (colon > image.lastIndexOf('/')) {
            name = image.substring(0, colon);
            tag = image.substring(colon + 1);
        }
        String auth = new RegistryCredentials(ctx()).headerFor(name);
        ProgressPrinter.print(client().distribution().push(name, tag, auth), quiet ? null : out());
        if (quiet) {
            out().println(image);
        }
        return 0;
    }
}
