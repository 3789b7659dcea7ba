package dev.berth.engine.builder;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The URLs of an {@code ADD https://...}: each is downloaded into a scratch directory under
 * the name its path ends with, as the classic builder does: mode 0600, the modification time
 * from {@code Last-Modified} when the server sends one, never unpacked (a remote tar stays a
 * file). {@code --checksum} is checked before the file is used.
 */
final class RemoteSources {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private RemoteSources() {
    }

    /** Whether a source argument is a URL rather than a path in the context. */
    static boolean isUrl(String source) {
        return source.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    }

    /** Downloads {@code urls} into {@code dir}; returns the file names, in order. */
    static List<String> download(List<String> urls, Path dir, String checksum) throws IOException {
        if (checksum != null && urls.size() != 1) {
            throw new InvalidArgumentException("checksum can't be specified for multiple sources");
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        List<String> names = new ArrayList<>();
        for (String url : urls) {
            String name = fileName(url);
            Path file = dir.resolve(name);
            fetch(http, url, file, checksum);
            names.add(name);
        }
        return names;
    }

    /** The last segment of the URL's path ("index.html" for none), as dockerd names the file. */
    static String fileName(String url) {
        String path = URI.create(url).getPath();
        if (path == null) {
            path = "";
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "index.html" : name;
    }

    private static void fetch(HttpClient http, String url, Path file, String checksum) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        } catch (IOException e) {
            throw new UnavailableException("failed to download " + url + ": " + e.getMessage(), e);
        }
        if (response.statusCode() / 100 != 2) {
            response.body().close();
            throw new UnavailableException("failed to GET " + url + " with status " + response.statusCode());
        }
        MessageDigest sha = Digest.newSha256();
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        if (checksum != null) {
            String got = Digest.of(sha).toString();
            if (!got.equals(checksum)) {
                throw new InvalidArgumentException("digest mismatch for " + url + ": expected " + checksum
                        + ", got " + got);
            }
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        response.headers().firstValue("Last-Modified").ifPresent(value -> {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Files.setLastModifiedTime(file, FileTime.from(at.toInstant()));
            } catch (RuntimeException | IOException ignored) {
                // a malformed date leaves the download's own time, as dockerd does
            }
        });
    }
}
