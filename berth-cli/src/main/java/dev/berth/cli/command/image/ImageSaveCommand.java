package dev.berth.cli.command.image;

import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth save [-o file] IMAGE...}: a tar to the file or stdout, never to a terminal. */
@Command(name = "save", description = "Save one or more images to a tar archive (streamed to STDOUT by default)")
public final class ImageSaveCommand extends BerthCommand {

    @Option(names = {"-o", "--output"}, description = "Write to a file, instead of STDOUT")
    String output;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Override
    public Integer call() throws IOException {
        if (output == null && ctx().stdoutIsTerminal()) {
            throw new CliFailure(1, "cowardly refusing to save to a terminal. Use the -o flag or redirect");
        }
        try (InputStream tar = client().images().save(images)) {
            if (output == null) {
                tar.transferTo(out());
                out().flush();
            } else {
                Path target = Path.of(output);
                Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".berth-save-", ".tar");
                try (OutputStream file = Files.newOutputStream(temp)) {
                    tar.transferTo(file);
                } catch (IOException e) {
                    Files.deleteIfExists(temp);
                    throw e;
                }
                // a failed save must not leave a half tar under the user's name
                Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return 0;
    }
}
