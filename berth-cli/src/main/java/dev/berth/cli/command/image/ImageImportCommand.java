package dev.berth.cli.command.image;

import dev.berth.api.client.ImportOptions;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth import file|- [REPOSITORY[:TAG]]}: a tarball becomes a one-layer image; prints its ID. */
@Command(name = "import", description = "Import the contents from a tarball to create a filesystem image")
public final class ImageImportCommand extends BerthCommand {

    @Option(names = {"-c", "--change"}, description = "Apply Dockerfile instruction to the created image")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, description = "Set commit message for imported image")
    String message;

    @Option(names = "--platform", description = "Set platform if server is multi-platform capable")
    String platform;

    @Parameters(index = "0", paramLabel = "file|URL|-")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String reference;

    @Override
    public Integer call() throws IOException {
        RepoTag name = RepoTag.parseOptional(reference);
        if (source.startsWith("http://") || source.startsWith("https://")) {
            throw new CliFailure(1, "berth: importing from a URL is not supported yet; download it and import the file");
        }
        ImportOptions options = new ImportOptions(name.repository(), name.tagOrNull(), message, changes);
        try (InputStream in = source.equals("-") ? ctx().in() : Files.newInputStream(Path.of(source))) {
            JsonMessages.print(client().images().importImage(in, options), out());
        } catch (NoSuchFileException e) {
            throw new CliFailure(1, "open " + source + ": no such file or directory");
        }
        return 0;
    }
}
