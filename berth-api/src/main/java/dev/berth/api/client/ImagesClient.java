package dev.berth.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.types.image.HistoryItem;
import dev.berth.api.types.image.ImageDeleteItem;
import dev.berth.api.types.image.ImageInspect;
import dev.berth.api.types.image.ImageSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The {@code /images} endpoints, plus berth's bootstrap. Obtain from {@link EngineClient#images()}. */
public final class ImagesClient {

    private final EngineClient client;

    ImagesClient(EngineClient client) {
        this.client = client;
    }

    /** {@code all} includes intermediate images. */
    public List<ImageSummary> list(boolean all, Filters filters) throws IOException {
        return Arrays.asList(client.getJson(listTarget(all, filters), ImageSummary[].class));
    }

    /** The list as the daemon wrote it, one tree per image: what {@code images --format} templates see. */
    public List<JsonNode> listRaw(boolean all, Filters filters) throws IOException {
        return EngineClient.elements(client.getTree(listTarget(all, filters)));
    }

    private static String listTarget(boolean all, Filters filters) {
        return Target.path("/images/json").flag("all", all).filters(filters).toString();
    }

    public ImageInspect inspect(String name) throws IOException {
        return client.getJson(path(name, "/json"), ImageInspect.class);
    }

    public JsonNode inspectRaw(String name) throws IOException {
        return client.getTree(path(name, "/json"));
    }

    /** The inspect answer's exact bytes, so output keeps the daemon's spelling. */
    public byte[] inspectBytes(String name) throws IOException {
        try (ApiResponse r = client.send("GET", path(name, "/json"), null)) {
            return r.body().readAllBytes();
        }
    }

    /** What was untagged and deleted, in the daemon's order. */
    public List<ImageDeleteItem> remove(String name, boolean force, boolean noPrune) throws IOException {
        String target = Target.path("/images").name(name).flag("force", force).flag("noprune", noPrune).toString();
        try (ApiResponse r = client.send("DELETE", target, null)) {
            return Arrays.asList(dev.berth.api.Json.MAPPER.readValue(r.body(), ImageDeleteItem[].class));
        }
    }

    /** Gives {@code source} the name {@code repo:tag} (tag null for the daemon's default). */
    public void tag(String source, String repo, String tag) throws IOException {
        client.call("POST", Target.path("/images").name(source).then("/tag")
                .query("repo", repo).query("tag", tag).toString());
    }

    /** Newest layer first. */
    public List<HistoryItem> history(String name) throws IOException {
        return Arrays.asList(client.getJson(path(name, "/history"), HistoryItem[].class));
    }

    /** Imports {@code tar} as a one-layer image; the last status message is its ID. */
    public JsonMessageStream importImage(InputStream tar, ImportOptions options) throws IOException {
        Target target = Target.path("/images/create").query("fromSrc", "-")
                .query("repo", options.repo()).query("tag", options.tag()).query("message", options.message());
        for (String change : options.changes()) {
            target.query("changes", change);
        }
        return new JsonMessageStream(client.send("POST", target.toString(), RequestBody.tar(tar)));
    }

    /** A tar of the images with their tags (docker save); the caller closes it. */
    public InputStream save(List<String> names) throws IOException {
        Target target = Target.path("/images/get");
        for (String name : names) {
            target.query("names", name);
        }
        return client.send("GET", target.toString(), null).body();
    }

    /** Loads a tar written by save; answers with messages such as "Loaded image: x:y". */
    public JsonMessageStream load(InputStream tar, boolean quiet) throws IOException {
        String target = Target.path("/images/load").flag("quiet", quiet).toString();
        return new JsonMessageStream(client.send("POST", target, RequestBody.tar(tar)));
    }

    /** {@code POST /build}: the context tar is streamed (chunked); answers with the build's messages. */
    public JsonMessageStream build(InputStream contextTar, BuildOptions options) throws IOException {
        return new JsonMessageStream(client.send("POST", buildTarget(options).toString(), RequestBody.tar(contextTar)));
    }

    /**
     * {@code POST /build?remote=URL}: the daemon fetches the context (a Git repository, {@code #ref:subdir}
     * allowed, a tar or a Dockerfile); no body. {@code options.dockerfile()} is relative to that context.
     */
    public JsonMessageStream buildRemote(String remote, BuildOptions options) throws IOException {
        return new JsonMessageStream(client.send("POST", buildTarget(options).query("remote", remote).toString(), null));
    }

    private static Target buildTarget(BuildOptions options) throws IOException {
        Target target = Target.path("/build");
        for (String tag : options.tags()) {
            target.query("t", tag);
        }
        if (options.dockerfile() != null) {
            target.query("dockerfile", options.dockerfile());
        }
        if (!options.buildArgs().isEmpty()) {
            target.query("buildargs", dev.berth.api.Json.MAPPER.writeValueAsString(options.buildArgs()));
        }
        if (!options.labels().isEmpty()) {
            target.query("labels", dev.berth.api.Json.MAPPER.writeValueAsString(options.labels()));
        }
        if (options.target() != null) {
            target.query("target", options.target());
        }
        if (options.network() != null) {
            target.query("networkmode", options.network());
        }
        if (!options.cacheFrom().isEmpty()) {
            target.query("cachefrom", dev.berth.api.Json.MAPPER.writeValueAsString(options.cacheFrom()));
        }
        return target.flag("nocache", options.noCache()).flag("pull", options.pull()).flag("q", options.quiet())
                .query("rm", "1");
    }

    /** {@code POST /commit}: the container's changes become a new image; returns its ID. */
    public String commit(String container, CommitOptions options) throws IOException {
        Target target = Target.path("/commit").query("container", container).query("repo", options.repo())
                .query("tag", options.tag()).query("comment", options.comment()).query("author", options.author())
                .query("pause", options.pause() ? "1" : "0");
        for (String change : options.changes()) {
            target.query("changes", change);
        }
        try (ApiResponse r = client.send("POST", target.toString(), null)) {
            JsonNode answer = JsonTrees.read(r.body());
            if (answer == null || !answer.path("Id").isTextual()) {
                throw new IOException("expected the new image's Id from the daemon, got " + answer);
            }
            return answer.path("Id").asText();
        }
    }

    /**
     * berth only: {@code POST /berth/images/bootstrap?name=busybox} builds the image from the
     * host's busybox and returns its ID. Reads {@code {"Id": ...}}, and for robustness also an
     * {@code aux.ID} message stream or a bare ID in text.
     */
    public String bootstrap(String name) throws IOException {
        String target = Target.path("/berth/images/bootstrap").query("name", name).toString();
        try (ApiResponse r = client.send("POST", target, null)) {
            return BootstrapAnswer.imageId(new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String path(String name, String suffix) {
        return Target.path("/images").name(name).then(suffix).toString();
    }
}
