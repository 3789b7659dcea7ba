package dev.berth.engine.distribution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials a client sends with a pull, push or login: the JSON of {@code X-Registry-Auth}
 * (base64url, padding optional) or of the {@code POST /auth} body.
 *
 * @param identityToken an OAuth refresh token from an earlier login (sent instead of a password)
 * @param registryToken a bearer token to use as it is
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthConfig(
        @JsonProperty("username") String username,
        @JsonProperty("password") String password,
        @JsonProperty("serveraddress") String serverAddress,
        @JsonProperty("identitytoken") String identityToken,
        @JsonProperty("registrytoken") String registryToken) {

    public static final AuthConfig ANONYMOUS = new AuthConfig(null, null, null, null, null);

    /** Decodes an {@code X-Registry-Auth} header; null or empty is anonymous. */
    public static AuthConfig fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return ANONYMOUS;
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(header.trim().replace('+', '-').replace('/', '_')
                    .replace("=", ""));
            return fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid X-Registry-Auth header: " + e.getMessage());
        }
    }

    public static AuthConfig fromJson(byte[] json) {
        try {
            AuthConfig a = Manifests.JSON.readValue(json, AuthConfig.class);
            return a == null ? ANONYMOUS : a;
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid registry credentials: " + e.getMessage());
        }
    }

    /** Whether a user name and password (or identity token) were given. */
    public boolean hasCredentials() {
        return (username != null && !username.isEmpty() && password != null) || hasIdentityToken();
    }

    boolean hasIdentityToken() {
        return identityToken != null && !identityToken.isEmpty();
    }

    /** {@code Basic <base64(user:password)>}. */
    String basicHeader() {
        String pair = (username == null ? "" : username) + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AuthConfig[username=" + username + ", serverAddress=" + serverAddress + "]"; // never the secret
    }
}
