package dev.berth.cli.command.image;

import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth load [-i file] [-q]}: a tar written by save; prints "Loaded image: ..." lines. */
@Command(name = "load", description = "Load an image from a tar archive or STDIN")
public final class ImageLoadCommand extends BerthCommand {

    @Option(names = {"-i", "--input"}, description = "Read from tar archive file, instead of STDIN")
    String input;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the load output")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (input == null && ctx().stdinIsTerminal()) {
            throw new CliFailure(1, "requested load from stdin, but stdin is empty");
        }
        try (InputStream in = input == null ? ctx().in() : Files.newInputStream(Path.of(input))) {
            JsonMessages.print(client().images().load(in, quiet), out());
        } catch (NoSuchFileException e) {
            throw new CliFailure(1, "open " + input + ": no such file or directory");
        }
        return 0;
    }
}
