package dev.berth.engine.distribution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.util.List;

/** The two manifest shapes a registry serves, read from and written to their JSON. */
public final class Manifests {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Manifests() {
    }

    /** An image manifest (Docker v2 schema 2 or OCI): one config, layers bottom first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"schemaVersion", "mediaType", "config", "layers"})
    public record Manifest(
            @JsonProperty("schemaVersion") int schemaVersion,
            @JsonProperty("mediaType") String mediaType,
            @JsonProperty("config") Descriptor config,
            @JsonProperty("layers") List<Descriptor> layers) {

        public Manifest {
            layers = layers == null ? List.of() : List.copyOf(layers);
        }
    }

    /** An OCI index or Docker manifest list: one manifest per platform (and attestations). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Index(
            @JsonProperty("schemaVersion") int schemaVersion,
            @JsonProperty("mediaType") String mediaType,
            @JsonProperty("manifests") List<Descriptor> manifests) {

        public Index {
            manifests = manifests == null ? List.of() : List.copyOf(manifests);
        }
    }

    /** Reads an image manifest; refuses one without a config or with a malformed digest. */
    public static Manifest parseManifest(byte[] bytes) {
        Manifest m = read(bytes, Manifest.class);
        if (m.schemaVersion() != 2 || m.config() == null) {
            throw new InvalidArgumentException("invalid image manifest: schemaVersion 2 with a config expected");
        }
        checkDigest(m.config());
        m.layers().forEach(Manifests::checkDigest);
        return m;
    }

    public static Index parseIndex(byte[] bytes) {
        Index index = read(bytes, Index.class);
        index.manifests().forEach(Manifests::checkDigest);
        return index;
    }

    /**
     * The manifest's bytes as dockerd writes them (three-space indent, fields in the schema's
     * order): the same manifest always gives the same bytes, so a second push has the same digest.
     */
    public static byte[] write(Manifest manifest) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("   ", "\n"))
                .withArrayIndenter(new DefaultIndenter("   ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            return JSON.writer(printer).writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid manifest: " + e.getMessage(), e);
        }
    }

    private static void checkDigest(Descriptor d) {
        try {
            Digest.parse(d.digest());
        } catch (RuntimeException e) {
            throw new InvalidArgumentException("invalid manifest: bad digest " + d.digest());
        }
    }
}
