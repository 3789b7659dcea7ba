package dev.berth.cli.command.registry;

import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth push [-a] [-q] NAME[:TAG]}: without a tag, {@code latest}; with -a, every local tag. */
@Command(name = "push", description = "Upload an image to a registry")
public final class PushCommand extends BerthCommand {

    @Option(names = {"-a", "--all-tags"}, description = "Push all tags of an image to the repository")
    boolean allTags;

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output")
    boolean quiet;

    @Parameters(index = "0", paramLabel = "NAME[:TAG]")
    String image;

    @Override
    public Integer call() throws IOException {
        if (image.contains("@")) {
            throw new CliFailure(1, "invalid reference format: cannot push a digest reference");
        }
        ImagePuller.Reference ref = ImagePuller.Reference.split(image);
        String tag = ref.tagFor(allTags, quiet ? null : out());
        boolean terminal = !quiet && ctx().stdoutIsTerminal();
        LoginPrompt.withRetry(ctx(), ref.name(), "push", auth -> ProgressPrinter.print(
                client().distribution().push(ref.name(), tag, auth), quiet ? null : out(), terminal));
        if (quiet) {
            out().println(allTags ? ref.name() : ref.name() + ":" + tag);
        }
        return 0;
    }
}
