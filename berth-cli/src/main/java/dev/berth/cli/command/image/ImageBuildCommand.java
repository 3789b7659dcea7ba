package dev.berth.cli.command.image;

import dev.berth.api.build.ContextTar;
import dev.berth.api.build.DockerIgnore;
import dev.berth.api.client.BuildOptions;
import dev.berth.api.client.JsonMessageStream;
import dev.berth.api.types.system.JsonMessage;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth build [options] PATH | URL | -}: sends the context as docker's CLI does with the
 * classic builder (a tar without what {@code .dockerignore} excludes; a Dockerfile outside
 * the context is added as {@code .dockerfile.<random>}) to {@code POST /build} and prints
 * the build's output.
 */
@Command(name = "build", description = "Build an image from a Dockerfile")
public final class ImageBuildCommand extends BerthCommand {

    @Parameters(index = "0", paramLabel = "PATH | URL | -", description = "The build context: a directory, a Git or tar URL, or - for a tar or a Dockerfile on stdin")
    String context;

    @Option(names = {"-t", "--tag"}, description = "Name and optionally a tag in the 'name:tag' format")
    List<String> tags = new ArrayList<>();

    @Option(names = {"-f", "--file"}, description = "Name of the Dockerfile (default: 'PATH/Dockerfile')")
    String file;

    @Option(names = "--build-arg", description = "Set build-time variables")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--label", description = "Set metadata for an image")
    List<String> labels = new ArrayList<>();

    @Option(names = "--target", description = "Set the target build stage to build")
    String target;

    @Option(names = "--no-cache", description = "Do not use cache when building the image")
    boolean noCache;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the build output and print image ID on success")
    boolean quiet;

    @Option(names = "--iidfile", description = "Write the image ID to the file")
    String iidfile;

    @Option(names = "--pull", description = "Always attempt to pull a newer version of the image (sent as pull=1; berthd ignores it)")
    boolean pull;

    @Option(names = "--rm", arity = "0..1", description = "Remove intermediate containers after a successful build (accepted)")
    boolean rm = true;

    @Option(names = "--network", description = "Set the networking mode for the RUN instructions during build")
    String network;

    @Option(names = "--cache-from", description = "Images to consider as cache sources")
    List<String> cacheFrom = new ArrayList<>();

    @Option(names = "--progress", description = "Set type of progress output (auto, plain, tty)")
    String progress = "auto";

    @Override
    public Integer call() throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : buildArgs) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                String fromEnv = ctx().env(a);
                if (fromEnv != null) {
                    args.put(a, fromEnv);
                }
            } else {
                args.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        Map<String, String> labelMap = new LinkedHashMap<>();
        for (String l : labels) {
            int eq = l.indexOf('=');
            labelMap.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
        }
        boolean terminal = ctx().stdoutIsTerminal();
        BuildView view = BuildView.of(quiet ? "plain" : progress, terminal, terminal ? columns() : 80, out());
        BuildContext sender = BuildContext.resolve(context, file, ctx().in());
        BuildOptions options = new BuildOptions(tags, sender.dockerfileName(), args, labelMap, target, noCache, quiet,
                network, cacheFrom, pull);
        if (iidfile != null) {
            Files.deleteIfExists(Path.of(iidfile));
        }
        String id;
        if (sender.remote() != null) {
            try (JsonMessageStream messages = client().images().buildRemote(sender.remote(), options)) {
                id = show(messages, view);
            }
        } else {
            PipedInputStream body = new PipedInputStream(1 << 16);
            PipedOutputStream pipe = new PipedOutputStream(body);
            Thread writer = Thread.ofVirtual().start(() -> {
                // tar headers are 512-byte writes: buffered, the pipe wakes its reader once per 64 KiB, not per header
                try (OutputStream out = new java.io.BufferedOutputStream(pipe, 1 << 16)) {
                    sender.body().write(out);
                } catch (IOException e) {
                    // the request fails on the daemon's side and says so
                }
            });
            try (JsonMessageStream messages = client().images().build(body, options)) {
                id = show(messages, view);
            } finally {
                writer.interrupt();
            }
        }
        if (iidfile != null) {
            if (id == null) {
                throw new CliFailure(1, "Server did not provide an image ID. Cannot write " + iidfile);
            }
            Files.writeString(Path.of(iidfile), id);
        }
        return 0;
    }

    /** Shows the build's messages; an error message fails. Returns the image ID the daemon reports, or null. */
    private static String show(JsonMessageStream messages, BuildView view) throws IOException {
        String id = null;
        JsonMessage m;
        while ((m = messages.next()) != null) {
            if (m.errorDetail() != null || m.error() != null) {
                String text = m.errorDetail() != null && m.errorDetail().message() != null
                        ? m.errorDetail().message() : m.error();
                view.finish(false);
                throw new CliFailure(1, text);
            }
            if (m.aux() != null && m.aux().has("ID")) {
                id = m.aux().get("ID").asText();
            } else if (m.stream() != null) {
                view.accept(m.stream());
            }
        }
        view.finish(true);
        return id;
    }

    /** The terminal's width for the live view; 80 when it cannot be read. */
    private int columns() {
        try {
            return dev.berth.posix.Terminals.size(1).columns();
        } catch (dev.berth.posix.PosixException | RuntimeException e) {
            String env = ctx().env("COLUMNS");
            return env != null && env.matches("[0-9]{1,4}") ? Integer.parseInt(env) : 80;
        }
    }
}
