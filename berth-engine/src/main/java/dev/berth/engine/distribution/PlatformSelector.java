package dev.berth.engine.distribution;

import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.images.Platform;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the manifest of an index that suits a platform, as moby does: entries for the wanted
 * OS and architecture (entries without a platform match anything), the exact variant first;
 * attestation manifests ({@code unknown/unknown}) are never chosen.
 *
 * @param os           "linux"
 * @param architecture OCI architecture ("amd64", "arm64")
 * @param variant      "v8", or null for any
 */
public record PlatformSelector(String os, String architecture, String variant) {

    private static final String ATTESTATION = "vnd.docker.reference.type";

    /** The host's platform. */
    public static PlatformSelector host() {
        return new PlatformSelector("linux", Platform.architecture(), null);
    }

    /** {@code os/arch[/variant]} as {@code --platform} takes it; null or empty means the host. */
    public static PlatformSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return host();
        }
        String[] parts = text.toLowerCase(Locale.ROOT).split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new InvalidArgumentException("invalid platform: " + text + " (os/arch[/variant] expected)");
        }
        return new PlatformSelector(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** The best entry, or NotFoundException "no matching manifest for linux/amd64 in the manifest list entries". */
    public Descriptor select(List<Descriptor> entries) {
        return entries.stream()
                .filter(d -> MediaTypes.MANIFESTS.contains(d.mediaType()) || d.mediaType() == null)
                .filter(d -> d.annotations() == null || !d.annotations().containsKey(ATTESTATION))
                .filter(this::matches)
                .min(Comparator.comparingInt(this::distance))
                .orElseThrow(() -> new NotFoundException("no matching manifest for " + this
                        + " in the manifest list entries"));
    }

    boolean matches(Descriptor d) {
        Descriptor.PlatformSpec p = d.platform();
        if (p == null) {
            return true;
        }
        return os.equals(p.os()) && architecture.equals(p.architecture())
                && (variant == null || p.variant() == null || variant.equals(p.variant()));
    }

    private int distance(Descriptor d) {
        Descriptor.PlatformSpec p = d.platform();
        if (p == null) {
            return 2;
        }
        return Optional.ofNullable(variant).map(v -> v.equals(p.variant()) ? 0 : 1).orElse(p.variant() == null ? 0 : 1);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
