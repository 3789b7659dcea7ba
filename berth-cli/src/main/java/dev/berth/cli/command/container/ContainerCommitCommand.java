package dev.berth.cli.command.container;

import dev.berth.api.client.CommitOptions;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.command.image.RepoTag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth commit CONTAINER [REPOSITORY[:TAG]]}: prints the new image's ID, as docker does. */
@Command(name = "commit", description = "Create a new image from a container's changes")
public final class ContainerCommitCommand extends BerthCommand {

    @Option(names = {"-a", "--author"}, description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
    String author;

    @Option(names = {"-c", "--change"}, description = "Apply Dockerfile instruction to the created image")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, description = "Commit message")
    String message;

    @Option(names = {"-p", "--pause"}, negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Pause container during commit (default true)")
    boolean pause;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String reference;

    @Override
    public Integer call() throws IOException {
        RepoTag name = RepoTag.parseOptional(reference);
        try {
            out().println(client().images().commit(container, new CommitOptions(name.repository(), name.tagOrNull(),
                    message, author, changes, pause)));
        } catch (IOException e) {
            throw new CliFailure(1, describe(e));
        }
        return 0;
    }
}
