package dev.berth.engine.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.error.UnauthorizedException;
import dev.berth.engine.error.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One repository on one registry, with the credentials of one request. Answers auth
 * challenges itself: on a 401 it reads {@code WWW-Authenticate}, gets a bearer token from the
 * realm (with Basic credentials when it has them) or uses Basic directly, and retries once.
 * The token is kept for the client's life (one pull or push). Safe for concurrent use.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">token auth</a>
 */
public final class RegistryClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final String repository;
    private final AuthConfig auth;
    private final String actions;
    private volatile String authorization;

    /**
     * @param base       {@code https://registry-1.docker.io}, {@code http://127.0.0.1:5000}
     * @param repository the path inside the registry ({@code library/busybox})
     * @param actions    {@code pull} or {@code pull,push}: the token scope asked for
     */
    public RegistryClient(HttpClient http, URI base, String repository, AuthConfig auth, String actions) {
        this.http = http;
        this.base = base;
        this.repository = repository;
        this.auth = auth == null ? AuthConfig.ANONYMOUS : auth;
        this.actions = actions;
        if (this.auth.registryToken() != null && !this.auth.registryToken().isEmpty()) {
            this.authorization = "Bearer " + this.auth.registryToken();
        }
    }

    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(15)).build();
    }

    public URI base() {
        return base;
    }

    public String repository() {
        return repository;
    }

    /** {@code /v2/<repository>/<rest>} against the base. */
    URI uri(String rest) {
        return base.resolve("/v2/" + repository + "/" + rest);
    }

    /** Resolves a {@code Location} header (absolute or relative) against the base. */
    URI location(String location) {
        return base.resolve(location);
    }

    /**
     * Sends a request (built afresh for a retry), answering an auth challenge once. The
     * caller closes the body. 401/403 after that is {@link UnauthorizedException}.
     */
    HttpResponse<InputStream> send(Supplier<HttpRequest.Builder> request) throws IOException {
        HttpResponse<InputStream> res = sendOnce(request.get());
        if (res.statusCode() == 401) {
            String challenge = res.headers().firstValue("WWW-Authenticate").orElse(null);
            String error = errorText(res);
            AuthChallenge parsed = AuthChallenge.parse(challenge);
            if (!authenticate(parsed)) {
                boolean noCredentials = parsed != null && "basic".equals(parsed.scheme()) && !auth.hasCredentials();
                // dockerd's words: "no basic auth credentials", else the registry's error ("unauthorized: ...")
                throw new UnauthorizedException(describe(request.get()) + ": "
                        + (noCredentials ? "no basic auth credentials" : error));
            }
            res = sendOnce(request.get());
        }
        if (res.statusCode() == 401 || res.statusCode() == 403) {
            throw new UnauthorizedException(describe(request.get()) + ": " + errorText(res));
        }
        return res;
    }

    /** Like {@link #send} but expecting a 2xx; others become the engine's error kinds with the registry's words. */
    HttpResponse<InputStream> expect(Supplier<HttpRequest.Builder> request, String what) throws IOException {
        HttpResponse<InputStream> res = send(request);
        int status = res.statusCode();
        if (status / 100 == 2) {
            return res;
        }
        String error = errorText(res);
        if (status == 404) {
            throw new NotFoundException(what + " not found: " + error);
        }
        if (status == 400 || status == 416) {
            throw new InvalidArgumentException(what + ": " + error);
        }
        throw new SystemException(what + ": registry answered " + status + ": " + error);
    }

    private HttpResponse<InputStream> sendOnce(HttpRequest.Builder b) throws IOException {
        b.timeout(TIMEOUT);
        String a = authorization;
        if (a != null) {
            b.setHeader("Authorization", a);
        }
        HttpRequest req = b.build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new UnavailableException(describe(b) + ": dial " + base.getAuthority() + ": connection refused", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Learns an Authorization header from a challenge; false when it cannot. */
    private boolean authenticate(AuthChallenge challenge) throws IOException {
        if (challenge == null) {
            return false;
        }
        switch (challenge.scheme()) {
            case "basic" -> {
                if (!auth.hasCredentials() || auth.username() == null) {
                    return false;
                }
                authorization = auth.basicHeader();
                return true;
            }
            case "bearer" -> {
                String token = fetchToken(challenge);
                if (token == null) {
                    return false;
                }
                authorization = "Bearer " + token;
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** GET realm?service=&scope= (Basic auth when there are credentials); the token or null. */
    private String fetchToken(AuthChallenge challenge) throws IOException {
        String realm = challenge.param("realm");
        if (realm == null) {
            return null;
        }
        StringBuilder q = new StringBuilder();
        if (challenge.param("service") != null) {
            q.append("service=").append(enc(challenge.param("service")));
        }
        if (repository != null) {
            q.append(q.isEmpty() ? "" : "&").append("scope=").append(enc("repository:" + repository + ":" + actions));
        }
        URI uri = URI.create(realm + (q.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + q));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(TIMEOUT);
        if (auth.hasCredentials() && auth.username() != null) {
            b.header("Authorization", auth.basicHeader());
        }
        HttpResponse<byte[]> res;
        try {
            res = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new UnavailableException("GET " + realm + ": connection refused", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (res.statusCode() != 200) {
            return null;
        }
        JsonNode body = Manifests.JSON.readTree(res.body());
        String token = body.path("token").asText("");
        if (token.isEmpty()) {
            token = body.path("access_token").asText("");
        }
        return token.isEmpty() ? null : token;
    }

    /**
     * The registry's error as docker's distribution client words it: a bearer challenge's
     * {@code error} first (RFC 6750: {@code invalid_token} is "unauthorized", {@code
     * insufficient_scope} "denied"), else the first error of the body ({@code code: message}),
     * else for a bodiless 401 (a HEAD) "unauthorized: authentication required", else the status.
     */
    static String errorText(HttpResponse<InputStream> res) {
        AuthChallenge c = AuthChallenge.parse(res.headers().firstValue("WWW-Authenticate").orElse(null));
        if (c != null && "bearer".equals(c.scheme()) && c.param("error") != null) {
            String description = c.param("error_description");
            switch (c.param("error")) {
                case "invalid_token" -> {
                    closeQuietly(res);
                    return "unauthorized: " + (description != null ? description : "authentication required");
                }
                case "insufficient_scope" -> {
                    closeQuietly(res);
                    return "denied: " + (description != null ? description : "requested access to the resource is denied");
                }
                default -> {
                    // not one docker knows: the body says more
                }
            }
        }
        try (InputStream in = res.body()) {
            byte[] body = in.readNBytes(64 * 1024);
            JsonNode first = Manifests.JSON.readTree(body).path("errors").path(0);
            if (!first.isMissingNode()) {
                return first.path("code").asText("").toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + ": " + first.path("message").asText("");
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: fall back to the status
        }
        return res.statusCode() == 401 ? "unauthorized: authentication required" : statusText(res.statusCode());
    }

    private static void closeQuietly(HttpResponse<InputStream> res) {
        try {
            res.body().close();
        } catch (IOException ignored) {
            // an error answer's body: nothing to keep
        }
    }

    private static String statusText(int status) {
        return switch (status) {
            case 403 -> "403 Forbidden";
            case 404 -> "404 Not Found";
            default -> "status " + status;
        };
    }

    private static String describe(HttpRequest.Builder b) {
        HttpRequest r = b.build();
        String m = r.method();
        return m.charAt(0) + m.substring(1).toLowerCase(java.util.Locale.ROOT) + " \"" + r.uri() + "\"";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * {@code GET /v2/}, answering the challenge with this client's scope: refused credentials
     * surface here (UnauthorizedException) before an operation has said anything. The status.
     */
    public int ping() throws IOException {
        HttpResponse<InputStream> res = send(() -> HttpRequest.newBuilder(base.resolve("/v2/")).GET());
        res.body().close();
        return res.statusCode();
    }

    /** Whether the registry has the blob (HEAD). */
    public boolean hasBlob(Digest digest) throws IOException {
        HttpResponse<InputStream> res = send(() -> HttpRequest.newBuilder(uri("blobs/" + digest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        res.body().close();
        return res.statusCode() == 200;
    }
}
