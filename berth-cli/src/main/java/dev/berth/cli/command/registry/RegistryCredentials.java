package dev.berth.cli.command.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.cli.CliContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Credentials per registry in docker's config format: {@code {"auths": {"<server>":
 * {"auth": base64(user:password)}}}}. Written to {@code $BERTH_CONFIG/config.json} (default
 * {@code ~/.berth}); read from there, then from docker's ({@code $DOCKER_CONFIG} or
 * {@code ~/.docker}). Docker Hub's key is {@code https://index.docker.io/v1/}, as docker's.
 */
public final class RegistryCredentials {

    public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    public record Login(String username, String password, String serverAddress) {
    }

    private final CliContext ctx;

    public RegistryCredentials(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The registry an image name lives in: {@code docker.io} unless its first part looks like a host. */
    public static String registryOf(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return "docker.io";
        }
        String first = image.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return host && !first.equals("index.docker.io") ? first : "docker.io";
    }

    /** The config key for a registry or server address: docker.io's is {@link #DOCKER_HUB_KEY}. */
    public static String keyOf(String server) {
        String s = server == null ? "" : server.trim();
        String bare = s.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        return switch (bare) {
            case "", "docker.io", "index.docker.io", "registry-1.docker.io" -> DOCKER_HUB_KEY;
            default -> bare;
        };
    }

    /** The stored login for {@code registry}, from berth's file, else docker's. */
    public Optional<Login> find(String registry) throws IOException {
        String key = keyOf(registry);
        for (Path file : List.of(berthFile(), dockerFile())) {
            JsonNode entry = read(file).path("auths").path(key);
            String auth = entry.path("auth").asText("");
            if (!auth.isEmpty()) {
                String pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    return Optional.of(new Login(pair.substring(0, colon), pair.substring(colon + 1), key));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code X-Registry-Auth} for pulling or pushing {@code image}: the stored login, else empty credentials. */
    public String headerFor(String image) throws IOException {
        Optional<Login> login = find(registryOf(image));
        return header(login.orElse(new Login(null, null, keyOf(registryOf(image)))));
    }

    public static String header(Login login) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        if (login.username() != null) {
            json.put("username", login.username()).put("password", login.password());
        }
        json.put("serveraddress", login.serverAddress());
        try {
            return Base64.getUrlEncoder().encodeToString(Json.MAPPER.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void store(Login login) throws IOException {
        ObjectNode root = read(berthFile()) instanceof ObjectNode o ? o : Json.MAPPER.createObjectNode();
        ObjectNode auths = root.with("auths");
        String pair = login.username() + ":" + login.password();
        auths.putObject(login.serverAddress()).put("auth",
                Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        write(root);
    }

    /** Removes the login for {@code key}; whether there was one. */
    public boolean remove(String key) throws IOException {
        JsonNode root = read(berthFile());
        if (root instanceof ObjectNode o && o.path("auths") instanceof ObjectNode auths && auths.remove(key) != null) {
            write(o);
            return true;
        }
        return false;
    }

    private void write(ObjectNode root) throws IOException {
        Path file = berthFile();
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(".config.json.tmp");
        Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public Path berthFile() {
        String dir = ctx.env("BERTH_CONFIG");
        return (dir != null && !dir.isEmpty() ? Path.of(dir) : home().resolve(".berth")).resolve("config.json");
    }

    private Path dockerFile() {
        String dir = ctx.env("DOCKER_CONFIG");
        return (dir != null && !dir.isEmpty() ? Path.of(dir) : home().resolve(".docker")).resolve("config.json");
    }

    private Path home() {
        String home = ctx.env("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
    }

    private static JsonNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Json.MAPPER.createObjectNode();
        }
        return Json.MAPPER.readTree(file.toFile());
    }
}
