package dev.berth.engine.builder;

import dev.berth.api.build.RemoteContextUrl;
import dev.berth.engine.archive.Compression;
import dev.berth.engine.error.ForbiddenException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.error.UnauthorizedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A build context named by a URL ({@code remote=} of {@code POST /build}), by the classic
 * builder's rules. The URL is one of:
 * <ul>
 *   <li>a Git repository ({@link Git}): {@code git://}, {@code git@host:repo}, {@code github.com/...},
 *       or an {@code http(s)://} URL ending in {@code .git} (before the fragment); the fragment
 *       {@code #ref:subdir} picks the branch, tag or commit ({@code master} by default) and the
 *       directory that is the context. It is cloned shallowly ({@link GitCheckout});</li>
 *   <li>any other {@code http(s)://} URL ({@link Download}): a tar (plain, gzip, bzip2, xz or zstd),
 *       or a Dockerfile when it is {@code text/plain}, by its {@code Content-Type} or, when the
 *       server sends none or {@code application/octet-stream}, by its first bytes. A Dockerfile
 *       comes with an empty context.</li>
 * </ul>
 * Anything else is refused. {@link #fetch} makes the context a directory below the scratch
 * space it is given; the caller deletes {@link Fetched#scratch()} after the build.
 */
final class RemoteContext {

    /** What a remote URL names. */
    sealed interface Source permits Git, Download {
    }

    /** A Git repository: the URL to fetch from, the ref to check out and the context's directory in it ("" for the root). */
    record Git(String repository, String ref, String subdirectory) implements Source {
    }

    /** A tar or a Dockerfile to download. */
    record Download(URI url) implements Source {
    }

    /**
     * A fetched context.
     *
     * @param scratch    the directory to delete after the build
     * @param context    the context: {@code scratch} or a directory below it
     * @param dockerfile the Dockerfile's name in the context when the URL was the Dockerfile itself, else null
     *                   (the request's {@code dockerfile} is read from the context)
     */
    record Fetched(Path scratch, Path context, String dockerfile) {
    }

    /** The name a downloaded Dockerfile gets in its otherwise empty context (a .dockerignore leaves it out of COPY .). */
    static final String DOWNLOADED_DOCKERFILE = "Dockerfile";

    private static final Pattern ACCEPTED_TYPE = Pattern.compile(
            "application/(?:(?:x-)?tar|octet-stream|(?:x-)?(?:gzip|bzip2?|xz|zstd))|text/plain");
    /** How much of a download is looked at to tell a tar from a Dockerfile (a tar's magic sits at 257). */
    private static final int PREAMBLE = 512;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private RemoteContext() {
    }

    /** What {@code remote} names; an InvalidArgumentException when it is neither a Git nor an HTTP URL. */
    static Source classify(String remote) {
        if (remote.equals("client-session")) {
            throw new InvalidArgumentException("experimental session with v1 builder is no longer supported, "
                    + "use builder version v2 (BuildKit) instead");
        }
        if (RemoteContextUrl.isGit(remote)) {
            return GitCheckout.parse(remote);
        }
        if (RemoteContextUrl.isHttp(remote)) {
            try {
                return new Download(URI.create(remote));
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException("invalid remote context URL " + remote + ": " + e.getMessage());
            }
        }
        throw new InvalidArgumentException("remoteURL (" + remote + ") could not be recognized as URL");
    }

    /** Fetches what {@code remote} names into a new directory below {@code scratch}. */
    static Fetched fetch(String remote, ContextScratch scratch, Path tmpDir) throws IOException {
        return switch (classify(remote)) {
            case Git git -> GitCheckout.checkout(git, tmpDir);
            case Download download -> download(download.url(), scratch, tmpDir);
        };
    }

    private static Fetched download(URI url, ContextScratch scratch, Path tmpDir) throws IOException {
        HttpResponse<InputStream> response = get(url);
        try (InputStream body = response.body()) {
            byte[] head = body.readNBytes(PREAMBLE);
            if (head.length == 0) {
                throw new InvalidArgumentException("error detecting content type for remote " + url
                        + ": empty response");
            }
            String header = response.headers().firstValue("Content-Type").orElse("");
            String type = contentType(header, head);
            if (type == null) {
                throw new InvalidArgumentException("error detecting content type for remote " + url
                        + ": unsupported Content-Type \"" + header + "\"");
            }
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), body);
            if (type.equals("text/plain")) {
                return dockerfileOnly(all.readAllBytes(), tmpDir);
            }
            Path dir = scratch.unpack(all);
            return new Fetched(dir, dir, null);
        }
    }

    /**
     * The accepted type of a download: the server's, or when it sends none or {@code application/octet-stream},
     * the one its first bytes show (a compressed stream or a tar, else text when no byte is binary); null for a
     * type that is neither a tar nor text.
     */
    static String contentType(String header, byte[] head) {
        String declared = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String type = declared.isEmpty() || declared.equals("application/octet-stream") ? sniff(head) : declared;
        var accepted = ACCEPTED_TYPE.matcher(type);
        return accepted.find() ? accepted.group() : null;
    }

    private static String sniff(byte[] head) {
        if (Compression.isCompressed(head) || head.length >= 262
                && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return "application/octet-stream";
        }
        for (byte b : head) {
            // the bytes Go's content sniffing takes for binary
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != 0x0c && b != '\r' && b != 0x1b) {
                return "application/octet-stream";
            }
        }
        return "text/plain";
    }

    /** A Dockerfile alone: an otherwise empty context, whose .dockerignore keeps the Dockerfile out of {@code COPY .}. */
    private static Fetched dockerfileOnly(byte[] dockerfile, Path tmpDir) throws IOException {
        Path dir = Files.createTempDirectory(tmpDir, "remote-");
        Files.write(dir.resolve(DOWNLOADED_DOCKERFILE), dockerfile);
        Files.writeString(dir.resolve(".dockerignore"), DOWNLOADED_DOCKERFILE + "\n.dockerignore\n");
        return new Fetched(dir, dir, DOWNLOADED_DOCKERFILE);
    }

    /** GET with dockerd's errors: a 4xx/5xx names the URL, the status and the body, with the status's kind. */
    private static HttpResponse<InputStream> get(URI url) throws IOException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        String prefix = "error downloading remote context " + url + ": ";
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        } catch (UnknownHostException e) {
            throw new NotFoundException(prefix + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SystemException(prefix + e, e);
        }
        int status = response.statusCode();
        if (status < 400) {
            return response;
        }
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
        }
        String message = prefix + "failed to GET " + url + " with status " + status + ": " + body;
        throw switch (status) {
            case 404 -> new NotFoundException(message);
            case 400 -> new InvalidArgumentException(message);
            case 401 -> new UnauthorizedException(message);
            case 403 -> new ForbiddenException(message);
            default -> new SystemException(message);
        };
    }
}
