package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code docker-registry} (distribution 2.8) on 127.0.0.1 and a free port, with its
 * own config and storage under a temporary directory; optionally htpasswd Basic auth.
 * Never the packaged service: this process is started here and stopped by its PID.
 */
public final class LocalRegistry implements AutoCloseable {

    public static final String BINARY = "/usr/bin/docker-registry";

    private final Path base;
    private final int port;
    private final Process process;

    private LocalRegistry(Path base, int port, Process process) {
        this.base = base;
        this.port = port;
        this.process = process;
    }

    public static boolean available() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /** A registry without auth. */
    public static LocalRegistry start() {
        return start(null, null);
    }

    /** A registry that wants {@code user}/{@code password} (htpasswd, bcrypt) when both are given. */
    public static LocalRegistry start(String user, String password) {
        if (user == null) {
            return startWith(dir -> "");
        }
        return startWith(dir -> {
            CommandResult h = Commands.run(List.of("htpasswd", "-Bbn", user, password), Map.of(), null, 30)
                    .assertSuccess();
            Files.writeString(dir.resolve("htpasswd"), h.stdout());
            return """
                    auth:
                      htpasswd:
                        realm: basic-realm
                        path: %s
                    """.formatted(dir.resolve("htpasswd"));
        });
    }

    /**
     * A registry that wants bearer tokens from {@code realm} for {@code service}, signed by the
     * key of {@code certificatePem} (a PEM certificate the tokens carry in their {@code x5c} header).
     */
    public static LocalRegistry startWithTokens(String realm, String service, String issuer, String certificatePem) {
        return startWith(dir -> {
            Files.writeString(dir.resolve("token-ca.pem"), certificatePem);
            return """
                    auth:
                      token:
                        realm: %s
                        service: %s
                        issuer: %s
                        rootcertbundle: %s
                    """.formatted(realm, service, issuer, dir.resolve("token-ca.pem"));
        });
    }

    /** The config's {@code auth} section, written with files it needs in the registry's directory. */
    private interface AuthSection {
        String write(Path dir) throws IOException;
    }

    private static LocalRegistry startWith(AuthSection auth) {
        try {
            Path base = Files.createTempDirectory(Path.of("/tmp"), "berth-registry-");
            int port = freePort();
            StringBuilder config = new StringBuilder("""
                    version: 0.1
                    log:
                      level: warn
                    storage:
                      filesystem:
                        rootdirectory: %s
                      delete:
                        enabled: true
                    http:
                      addr: 127.0.0.1:%d
                    """.formatted(base.resolve("storage"), port));
            config.append(auth.write(base));
            Files.writeString(base.resolve("config.yml"), config);
            Process p = new ProcessBuilder(BINARY, "serve", base.resolve("config.yml").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(base.resolve("registry.log").toFile())
                    .start();
            LocalRegistry r = new LocalRegistry(base, port, p);
            Await.until("docker-registry on port " + port, Duration.ofSeconds(20), () -> {
                if (!p.isAlive()) {
                    throw new AssertionError("docker-registry exited: " + r.logText());
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code 127.0.0.1:<port>}: the registry part of an image name. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** The file holding a blob in the registry's storage. */
    public Path blobData(String digest) {
        String hex = digest.substring("sha256:".length());
        return base.resolve("storage/docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2))
                .resolve(hex).resolve("data");
    }

    /** Uploads a blob to {@code repository} (POST, then one PUT); its digest. */
    public String putBlob(String repository, byte[] blob) {
        String digest = sha256(blob);
        var post = send(HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()), 202);
        String location = post.headers().firstValue("Location").orElseThrow();
        URI put = uri("/").resolve(location);
        send(HttpRequest.newBuilder(URI.create(put + (put.getQuery() == null ? "?" : "&") + "digest=" + digest))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)), 201);
        return digest;
    }

    /** Puts a manifest or index under {@code reference} (a tag); its digest. */
    public String putManifest(String repository, String reference, String mediaType, byte[] manifest) {
        send(HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + reference))
                .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)), 201);
        return sha256(manifest);
    }

    private URI uri(String path) {
        return URI.create("http://" + host() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> res = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != expected) {
                throw new AssertionError(request.build() + " answered " + res.statusCode() + ": " + res.body());
            }
            return res;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String logText() {
        try {
            return Files.readString(base.resolve("registry.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
