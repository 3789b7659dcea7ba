package dev.berth.engine.distribution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * An OCI content descriptor: what a manifest or index says about a blob it points at.
 *
 * @param platform only in an index's entries; null elsewhere
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"mediaType", "size", "digest", "urls", "annotations", "platform"})
public record Descriptor(
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("size") long size,
        @JsonProperty("digest") String digest,
        @JsonProperty("urls") List<String> urls,
        @JsonProperty("annotations") Map<String, String> annotations,
        @JsonProperty("platform") PlatformSpec platform) {

    public static Descriptor of(String mediaType, long size, dev.berth.engine.digest.Digest digest) {
        return new Descriptor(mediaType, size, digest.toString(), null, null, null);
    }

    /** The digest, parsed; InvalidArgumentException-free callers check {@link Manifests} first. */
    public dev.berth.engine.digest.Digest parsedDigest() {
        return dev.berth.engine.digest.Digest.parse(digest);
    }

    /** An OCI platform as indexes list it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlatformSpec(
            @JsonProperty("architecture") String architecture,
            @JsonProperty("os") String os,
            @JsonProperty("variant") String variant) {

        @Override
        public String toString() {
            return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
        }
    }
}
