package dev.berth.cli.command.image;

import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth tag SOURCE TARGET}: silent on success. */
@Command(name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")
public final class ImageTagCommand extends BerthCommand {

    @Parameters(index = "0", paramLabel = "SOURCE_IMAGE[:TAG]")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET_IMAGE[:TAG]")
    String target;

    @Override
    public Integer call() throws IOException {
        RepoTag repoTag = RepoTag.parse(target);
        client().images().tag(source, repoTag.repository(), repoTag.tag().isEmpty() ? "latest" : repoTag.tag());
        return 0;
    }
}
