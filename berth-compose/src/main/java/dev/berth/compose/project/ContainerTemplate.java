package dev.berth.compose.project;

import dev.berth.api.client.JsonValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every container of one service is created from: the create body shared by its replicas
 * (Config's keys at the top, {@code HostConfig} and {@code NetworkingConfig} inside, as plain
 * maps), the networks to connect after create, and the config hash.
 *
 * <p>The hash is the SHA-256 of that body as JSON, taken before the per-replica labels
 * (container number, depends_on) are added: the body is built in a fixed order from the model,
 * so an unchanged file gives the same hash, and any change that reaches the container changes
 * it. Replicas, scale, build, pull_policy, profiles and depends_on never reach the body, so,
 * as with compose, changing them does not recreate anything.
 *
 * @param service       the service's name
 * @param image         the image reference the containers run
 * @param body          the create body without per-replica labels; not to be modified
 * @param extraNetworks networks (engine names) joined after create, with their aliases
 * @param hash          the config hash
 */
public record ContainerTemplate(String service, String image, Map<String, Object> body,
        Map<String, List<String>> extraNetworks, String hash) {

    public static ContainerTemplate of(String service, String image, Map<String, Object> body,
            Map<String, List<String>> extraNetworks) {
        Map<String, Object> hashed = new LinkedHashMap<>(body);
        hashed.put("ExtraNetworks", extraNetworks);
        return new ContainerTemplate(service, image, body, extraNetworks, sha256(JsonValues.write(hashed)));
    }

    /** The body for one container: the template's, with the hash and {@code extraLabels} among its labels. */
    public Map<String, Object> forContainer(Map<String, String> extraLabels) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        @SuppressWarnings("unchecked")
        Map<String, String> labels = new LinkedHashMap<>((Map<String, String>) body.getOrDefault("Labels", Map.of()));
        labels.put(ComposeLabels.CONFIG_HASH, hash);
        labels.putAll(extraLabels);
        copy.put("Labels", labels);
        return copy;
    }

    /** As {@link #forContainer(Map)}, with {@code hostConfig} changes on top (a one-off's AutoRemove). */
    public Map<String, Object> withHostConfig(Map<String, Object> container, Map<String, Object> changes) {
        @SuppressWarnings("unchecked")
        Map<String, Object> host = new LinkedHashMap<>((Map<String, Object>) container.getOrDefault("HostConfig", Map.of()));
        host.putAll(changes);
        Map<String, Object> copy = new LinkedHashMap<>(container);
        copy.put("HostConfig", host);
        return copy;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** For tests and messages. */
    String bodyText() {
        return new String(JsonValues.write(body), StandardCharsets.UTF_8);
    }
}
