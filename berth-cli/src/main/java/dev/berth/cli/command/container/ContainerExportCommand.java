package dev.berth.cli.command.container;

import dev.berth.api.client.ApiResponse;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth export}: a container's filesystem as a tar, to a file or stdout (never a terminal). */
@Command(name = "export", description = "Export a container's filesystem as a tar archive")
public final class ContainerExportCommand extends BerthCommand {

    @Option(names = {"-o", "--output"}, description = "Write to a file, instead of STDOUT")
    Path output;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        if (output == null && System.console() != null && System.console().isTerminal()) {
            err().println("cowardly refusing to save to a terminal. Use the -o flag or redirect");
            return 1;
        }
        try (ApiResponse r = client().raw("GET", "/containers/" + container + "/export");
                InputStream in = r.body();
                OutputStream out = output == null ? System.out : Files.newOutputStream(output)) {
            in.transferTo(out);
            out.flush();
        }
        return 0;
    }
}
