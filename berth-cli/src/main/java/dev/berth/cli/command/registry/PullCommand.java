package dev.berth.cli.command.registry;

import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth pull [-a] [-q] [--platform p] NAME[:TAG|@DIGEST]}. */
@Command(name = "pull", description = "Download an image from a registry")
public final class PullCommand extends BerthCommand {

    @Option(names = {"-a", "--all-tags"}, description = "Download all tagged images in the repository")
    boolean allTags;

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output")
    boolean quiet;

    @Option(names = "--platform", description = "Set platform if server is multi-platform capable")
    String platform;

    @Parameters(index = "0", paramLabel = "NAME[:TAG|@DIGEST]")
    String image;

    @Override
    public Integer call() throws IOException {
        ImagePuller.Reference ref = ImagePuller.Reference.split(image);
        String tag = ref.tagFor(allTags, quiet ? null : out());
        ImagePuller.pull(ctx(), ref.name(), tag, platform, quiet ? null : out(), true);
        if (quiet) {
            String full = fullName(allTags ? ref.name() : ref.name() + (tag.startsWith("sha256:") ? "@" : ":") + tag);
            out().println(allTags ? full.substring(0, full.lastIndexOf(':')) : full);
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
