package dev.berth.cli.command.registry;

import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth pull [-q] [--platform p] NAME[:TAG|@DIGEST]}. */
@Command(name = "pull", description = "Download an image from a registry")
public final class PullCommand extends BerthCommand {

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output")
    boolean quiet;

    @Option(names = "--platform", description = "Set platform if server is multi-platform capable")
    String platform;

    @Parameters(index = "0", paramLabel = "NAME[:TAG|@DIGEST]")
    String image;

    @Override
    public Integer call() throws IOException {
        ImagePuller.pull(ctx(), image, platform, quiet ? null : out());
        if (quiet) {
            out().println(fullName(image));
        }
        return 0;
    }

    /** What docker pull -q prints: the fully qualified reference. */
    static String fullName(String image) {
        String registry = RegistryCredentials.registryOf(image);
        String rest = image;
        if (registry.equals("docker.io")) {
            rest = image.startsWith("docker.io/") ? image.substring("docker.io/".length()) : image;
            if (rest.indexOf('/') < 0) {
                rest = "library/" + rest;
            }
            rest = "docker.io/" + rest;
        }
        boolean hasTag = rest.contains("@") || rest.lastIndexOf(':') > rest.lastIndexOf('/');
        return hasTag ? rest : rest + ":latest";
    }
}
