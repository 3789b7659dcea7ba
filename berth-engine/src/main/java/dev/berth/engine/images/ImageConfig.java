package dev.berth.engine.images;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.layers.DiffId;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI/Docker image config JSON. Fields berth does not model are kept in {@code extra}
 * and written back, but a stored config's ID is always the digest of its original bytes:
 * never re-serialise a stored config to compute an ID.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"architecture", "os", "variant", "created", "author", "config", "rootfs", "history"})
public record ImageConfig(
        String architecture,
        String os,
        String variant,
        String created,
        String author,
        RunConfig config,
        RootFs rootfs,
        List<History> history,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ImageConfig {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /** The defaults a container started from the image gets (the config's {@code config} object). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunConfig(
            @JsonProperty("User") String user,
            @JsonProperty("Env") List<String> env,
            @JsonProperty("Cmd") List<String> cmd,
            @JsonProperty("Entrypoint") List<String> entrypoint,
            @JsonProperty("WorkingDir") String workingDir,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
            @JsonProperty("Volumes") Map<String, Object> volumes,
            @JsonProperty("StopSignal") String stopSignal,
            @JsonProperty("Healthcheck") Healthcheck healthcheck,
            @JsonProperty("OnBuild") List<String> onBuild,
            @JsonProperty("Shell") List<String> shell,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public RunConfig {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public static RunConfig empty() {
            return new RunConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** Durations are in nanoseconds, as Docker writes them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Healthcheck(
            @JsonProperty("Test") List<String> test,
            @JsonProperty("Interval") Long interval,
            @JsonProperty("Timeout") Long timeout,
            @JsonProperty("StartPeriod") Long startPeriod,
            @JsonProperty("StartInterval") Long startInterval,
            @JsonProperty("Retries") Integer retries) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RootFs(String type, @JsonProperty("diff_ids") List<String> diffIds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record History(
            String created,
            @JsonProperty("created_by") String createdBy,
            String author,
            String comment,
            @JsonProperty("empty_layer") Boolean emptyLayer) {
    }

    /** Parses config bytes; InvalidArgumentException when they are not a config. */
    public static ImageConfig parse(byte[] bytes) {
        try {
            return Json.MAPPER.readValue(bytes, ImageConfig.class);
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid image config: " + e.getMessage(), e);
        }
    }

    /** Serialises a new config (for import, commit, build). */
    public byte[] toBytes() {
        try {
            return Json.MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("an image config always serialises", e);
        }
    }

    /** The layers' diff IDs, bottom first (empty when the image has none). */
    @JsonIgnore
    public List<DiffId> diffIds() {
        if (rootfs == null || rootfs.diffIds() == null) {
            return List.of();
        }
        try {
            return rootfs.diffIds().stream().map(DiffId::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid diff ID in image config: " + e.getMessage(), e);
        }
    }

    /** {@code created} as an instant, or the epoch when absent or unreadable. */
    @JsonIgnore
    public Instant createdAt() {
        return parseTime(created);
    }

    static Instant parseTime(String text) {
        if (text == null || text.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** Same config with another run config. */
    public ImageConfig withConfig(RunConfig newConfig) {
        return new ImageConfig(architecture, os, variant, created, author, newConfig, rootfs, history, extra);
    }
}
