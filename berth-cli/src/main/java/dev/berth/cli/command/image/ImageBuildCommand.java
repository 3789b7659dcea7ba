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
 * {@code berth build [options] PATH | -}: sends the context as docker's CLI does with the
 * classic builder (a tar without what {@code .dockerignore} excludes; a Dockerfile outside
 * the context is added as {@code .dockerfile.<random>}) to {@code POST /build} and prints
 * the build's output.
 */
@Command(name = "build", description = "Build an image from a Dockerfile")
public final class ImageBuildCommand extends BerthCommand {

    @Parameters(index = "0", paramLabel = "PATH | -", description = "The build context: a directory, or - for a tar or a Dockerfile on stdin")
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

    @Option(names = "--pull", description = "Always attempt to pull a newer version of the image (accepted)")
    boolean pull;

    @Option(names = "--rm", arity = "0..1", description = "Remove intermediate containers after a successful build (accepted)")
    boolean rm = true;

    @Option(names = "--network", description = "Set the networking mode for the RUN instructions during build")
    String network;

    @Option(names = "--cache-from", description = "Images to consider as cache sources")
    List<String> cacheFrom = new ArrayList<>();

    @Option(names = "--progress", description = "Set type of progress output (accepted)")
    String progress;

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
        Sender sender = sender();
        BuildOptions options = new BuildOptions(tags, sender.dockerfileName, args, labelMap, target, noCache, quiet,
                network, cacheFrom);
        if (iidfile != null) {
            Files.deleteIfExists(Path.of(iidfile));
        }
        PipedInputStream body = new PipedInputStream(1 << 16);
        PipedOutputStream pipe = new PipedOutputStream(body);
        Thread writer = Thread.ofVirtual().start(() -> {
            try (OutputStream out = pipe) {
                sender.write(out);
            } catch (IOException e) {
                // the request fails on the daemon's side and says so
            }
        });
        String id = null;
        try (JsonMessageStream messages = client().images().build(body, options)) {
            JsonMessage m;
            while ((m = messages.next()) != null) {
                if (m.errorDetail() != null || m.error() != null) {
                    String text = m.errorDetail() != null && m.errorDetail().message() != null
                            ? m.errorDetail().message() : m.error();
                    throw new CliFailure(1, text);
                }
                if (m.aux() != null && m.aux().has("ID")) {
                    id = m.aux().get("ID").asText();
                } else if (m.stream() != null) {
                    out().print(m.stream());
                    out().flush();
                }
            }
        } finally {
            writer.interrupt();
        }
        if (iidfile != null) {
            if (id == null) {
                throw new CliFailure(1, "Server did not provide an image ID. Cannot write " + iidfile);
            }
            Files.writeString(Path.of(iidfile), id);
        }
        return 0;
    }

    /** What goes in the request body, and the Dockerfile's name in it. */
    private record Sender(String dockerfileName, TarSource source) {
        void write(OutputStream out) throws IOException {
            source.write(out);
        }
    }

    @FunctionalInterface
    private interface TarSource {
        void write(OutputStream out) throws IOException;
    }

    private Sender sender() throws IOException {
        if (context.equals("-")) {
            InputStream in = new BufferedInputStream(ctx().in());
            in.mark(1024);
            byte[] head = in.readNBytes(512);
            in.reset();
            boolean tar = (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b)
                    || (head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar"));
            if (tar) {
                return new Sender(file, in::transferTo);
            }
            byte[] dockerfile = in.readAllBytes();
            return new Sender("Dockerfile", out -> {
                try (ContextTar t = new ContextTar(out)) {
                    t.addFile("Dockerfile", dockerfile, 0644);
                }
            });
        }
        Path dir = Path.of(context);
        if (!Files.isDirectory(dir)) {
            throw new CliFailure(1, "unable to prepare context: path \"" + context + "\" not found");
        }
        Path root = dir.toAbsolutePath().normalize();
        Path dockerfile = file == null ? root.resolve("Dockerfile") : Path.of(file).toAbsolutePath().normalize();
        if (file != null && file.equals("-")) {
            byte[] content = ctx().in().readAllBytes();
            return outside(root, content);
        }
        if (!Files.isRegularFile(dockerfile)) {
            throw new CliFailure(1, "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
                    + dockerfile + ": no such file or directory");
        }
        if (!dockerfile.startsWith(root)) {
            return outside(root, Files.readAllBytes(dockerfile));
        }
        String name = root.relativize(dockerfile).toString();
        DockerIgnore ignore = ignoreFor(root, dockerfile);
        return new Sender(name, out -> {
            try (ContextTar t = new ContextTar(out)) {
                t.addDirectory(root, ignore, Set.of(name, ".dockerignore"));
            }
        });
    }

    private Sender outside(Path root, byte[] content) throws IOException {
        String name = ".dockerfile." + HexFormat.of().formatHex(new SecureRandom().generateSeed(10));
        DockerIgnore ignore = ignoreFor(root, null);
        return new Sender(name, out -> {
            try (ContextTar t = new ContextTar(out)) {
                t.addDirectory(root, ignore, Set.of(".dockerignore"));
                t.addFile(name, content, 0644);
            }
        });
    }

    private static DockerIgnore ignoreFor(Path root, Path dockerfile) throws IOException {
        if (dockerfile != null) {
            Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
            if (Files.isRegularFile(specific)) {
                return DockerIgnore.parse(Files.readString(specific));
            }
        }
        Path general = root.resolve(".dockerignore");
        return Files.isRegularFile(general) ? DockerIgnore.parse(Files.readString(general)) : DockerIgnore.none();
    }
}
