package dev.berth.cli.command.compose;

import dev.berth.api.client.ApiException;
import dev.berth.api.types.image.ImageInspect;
import dev.berth.api.units.HumanSize;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth compose images}: the image each of the project's containers runs. */
@Command(name = "images", description = "List images used by the created containers")
public final class ComposeImagesCommand extends ComposeCommand {

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        String name = requiredProjectName();
        List<String[]> rows = new ArrayList<>();
        for (ProjectContainer c : containers(name, true, services)) {
            String imageId = c.summary().imageId();
            if (quiet) {
                out().println(imageId);
                continue;
            }
            String repo = c.image();
            String tag = "latest";
            int colon = repo.lastIndexOf(':');
            if (colon > repo.lastIndexOf('/')) {
                tag = repo.substring(colon + 1);
                repo = repo.substring(0, colon);
            }
            String size = "";
            try {
                ImageInspect image = client().images().inspect(imageId);
                size = HumanSize.of(image.size());
            } catch (ApiException e) {
                // removed meanwhile: leave the size empty
            }
            String shortId = imageId.startsWith("sha256:") ? imageId.substring(7, Math.min(imageId.length(), 19)) : imageId;
            rows.add(new String[] {c.name(), repo, tag, shortId, size});
        }
        if (!quiet) {
            table(out(), List.of("CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"), rows);
        }
        return 0;
    }
}
