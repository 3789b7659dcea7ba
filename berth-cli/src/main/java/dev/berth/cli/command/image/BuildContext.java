package dev.berth.cli.command.image;

import dev.berth.api.build.ContextTar;
import dev.berth.api.build.DockerIgnore;
import dev.berth.api.build.RemoteContextUrl;
import dev.berth.cli.CliFailure;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

/**
 * What {@code berth build} sends as the body of {@code POST /build}, by docker's rules for
 * {@code PATH | URL | -}: a directory is sent as a tar without what {@code .dockerignore}
 * excludes; {@code -} is a tar (plain or compressed) or a Dockerfile read from stdin; an HTTP URL is
 * downloaded and is the same (a tar or a Dockerfile). A Git URL ({@code git://...#ref:subdir} and the
 * like, {@link RemoteContextUrl}) is not cloned here, unlike docker's CLI: it goes to the daemon as
 * {@code remote=}, which clones it (the same git rules), so no body is sent. Beyond docker, a local tar file is
 * accepted as well. A Dockerfile from elsewhere ({@code -f} outside the context, or
 * {@code -f -}) travels as {@code .dockerfile.<random>} and is added to the context's
 * {@code .dockerignore}, as docker's CLI does, so that {@code COPY .} does not copy it.
 *
 * @param dockerfileName the Dockerfile's path inside the tar (or the remote context), or null for the daemon's default
 * @param remote         a Git URL for the daemon to fetch ({@code body} is then null), or null
 */
record BuildContext(String dockerfileName, Body body, String remote) {

    BuildContext(String dockerfileName, Body body) {
        this(dockerfileName, body, null);
    }

    /** Writes the request body. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    static BuildContext resolve(String context, String file, InputStream stdin) throws IOException {
        boolean dockerfileFromStdin = "-".equals(file);
        if (context.equals("-")) {
            if (dockerfileFromStdin) {
                throw new CliFailure(1, "invalid argument: can't use stdin for both build context and dockerfile");
            }
            return fromStream(new BufferedInputStream(stdin), file);
        }
        if (RemoteContextUrl.isGit(context)) {
            if (dockerfileFromStdin) {
                throw new CliFailure(1, "invalid argument: can't use stdin for a Dockerfile with a remote context");
            }
            return new BuildContext(file, null, context);
        }
        if (RemoteContextUrl.isHttp(context)) {
            if (dockerfileFromStdin) {
                throw new CliFailure(1, "invalid argument: can't use stdin for a Dockerfile with a remote context");
            }
            return fromStream(new BufferedInputStream(download(context)), file);
        }
        Path dir = Path.of(context);
        if (Files.isRegularFile(dir) && !dockerfileFromStdin) {
            InputStream in = new BufferedInputStream(Files.newInputStream(dir));
            if (isArchive(in)) {
                return new BuildContext(file, out -> {
                    try (in) {
                        in.transferTo(out);
                    }
                });
            }
            in.close();
        }
        if (!Files.isDirectory(dir)) {
            throw new CliFailure(1, "unable to prepare context: path \"" + context + "\" not found");
        }
        Path root = dir.toAbsolutePath().normalize();
        if (dockerfileFromStdin) {
            return outside(root, null, stdin.readAllBytes());
        }
        Path dockerfile = file == null ? root.resolve("Dockerfile") : Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dockerfile)) {
            throw new CliFailure(1, "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
                    + dockerfile + ": no such file or directory");
        }
        if (!dockerfile.startsWith(root)) {
            return outside(root, dockerfile, Files.readAllBytes(dockerfile));
        }
        String name = root.relativize(dockerfile).toString();
        DockerIgnore ignore = DockerIgnore.parse(ignoreText(root, dockerfile));
        return new BuildContext(name, out -> {
            try (ContextTar t = new ContextTar(out)) {
                t.addDirectory(root, ignore, Set.of(name, ".dockerignore"));
            }
        });
    }

    /** A tar goes as it is ({@code file} names the Dockerfile in it); anything else is a Dockerfile. */
    private static BuildContext fromStream(InputStream in, String file) throws IOException {
        if (isArchive(in)) {
            return new BuildContext(file, in::transferTo);
        }
        byte[] dockerfile = in.readAllBytes();
        return new BuildContext("Dockerfile", out -> {
            try (ContextTar t = new ContextTar(out)) {
                t.addFile("Dockerfile", dockerfile, 0644);
            }
        });
    }

    /**
     * The directory with a Dockerfile from elsewhere under a random name; the .dockerignore
     * sent lists that name (and the patterns the client applied), as docker's CLI sends it.
     */
    private static BuildContext outside(Path root, Path dockerfile, byte[] content) throws IOException {
        String name = ".dockerfile." + HexFormat.of().formatHex(new SecureRandom().generateSeed(10));
        String patterns = ignoreText(root, dockerfile);
        DockerIgnore ignore = DockerIgnore.parse(patterns + "\n.dockerignore\n");
        byte[] sentIgnore = ((patterns.isEmpty() ? ".dockerignore" : patterns) + "\n" + name + "\n")
                .getBytes(StandardCharsets.UTF_8);
        return new BuildContext(name, out -> {
            try (ContextTar t = new ContextTar(out)) {
                t.addDirectory(root, ignore, Set.of());
                t.addFile(".dockerignore", sentIgnore, 0644);
                t.addFile(name, content, 0644);
            }
        });
    }

    /** {@code <Dockerfile>.dockerignore} next to the Dockerfile wins over the context's {@code .dockerignore}. */
    private static String ignoreText(Path root, Path dockerfile) throws IOException {
        if (dockerfile != null) {
            Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
            if (Files.isRegularFile(specific)) {
                return Files.readString(specific);
            }
        }
        Path general = root.resolve(".dockerignore");
        return Files.isRegularFile(general) ? Files.readString(general) : "";
    }

    /** Whether the stream (marked and reset) starts with a tar header or a gzip, bzip2, xz or zstd magic. */
    static boolean isArchive(InputStream in) throws IOException {
        in.mark(1024);
        byte[] head = in.readNBytes(512);
        in.reset();
        return isArchive(head);
    }

    static boolean isArchive(byte[] head) {
        int n = head.length;
        return (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b)
                || (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h')
                || (n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X')
                || (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                        && (head[3] & 0xff) == 0xfd)
                || (n >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar"));
    }

    /** Downloads a remote context (a tar or a Dockerfile), as docker's CLI does before it sends it. */
    private static InputStream download(String url) throws IOException {
        try {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<InputStream> res = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (res.statusCode() / 100 != 2) {
                res.body().close();
                throw new CliFailure(1, "unable to prepare context: unable to download remote context " + url
                        + ": " + res.statusCode());
            }
            return res.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(1, "unable to prepare context: invalid URL " + url);
        }
    }
}
