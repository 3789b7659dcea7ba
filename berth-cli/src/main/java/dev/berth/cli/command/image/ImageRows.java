package dev.berth.cli.command.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.image.ImageSummary;
import dev.berth.cli.Text;
import dev.berth.cli.interim.HumanDuration;
import dev.berth.cli.interim.HumanSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows {@code images} shows: one per tag, an untagged image once as
 * {@code <none> <none>} (or its digested repository), fields as docker's image formatter
 * (.Repository .Tag .Digest .ID .CreatedSince .CreatedAt .Size .Containers).
 */
final class ImageRows {

    static final String DEFAULT_TABLE = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    static final String NONE = "<none>";

    private ImageRows() {
    }

    static JsonNode headers() {
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.put("Repository", "REPOSITORY").put("Tag", "TAG").put("Digest", "DIGEST").put("ID", "IMAGE ID")
                .put("CreatedSince", "CREATED").put("CreatedAt", "CREATED AT").put("Size", "SIZE")
                .put("SharedSize", "SHARED SIZE").put("UniqueSize", "UNIQUE SIZE").put("VirtualSize", "SIZE")
                .put("Containers", "CONTAINERS");
        return h;
    }

    static List<JsonNode> rows(ImageSummary image, boolean trunc, Instant now) {
        List<JsonNode> rows = new ArrayList<>();
        List<String> tags = image.repoTags() == null ? List.of()
                : image.repoTags().stream().filter(t -> !t.equals("<none>:<none>")).toList();
        if (!tags.isEmpty()) {
            for (String ref : tags) {
                String[] rt = splitTag(ref);
                rows.add(row(image, rt[0], rt[1], trunc, now));
            }
        } else if (image.repoDigests() != null && !image.repoDigests().isEmpty()) {
            for (String ref : image.repoDigests()) {
                int at = ref.indexOf('@');
                rows.add(row(image, at < 0 ? ref : ref.substring(0, at), NONE, trunc, now));
            }
        } else {
            rows.add(row(image, NONE, NONE, trunc, now));
        }
        return rows;
    }

    private static JsonNode row(ImageSummary image, String repo, String tag, boolean trunc, Instant now) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("Repository", repo);
        r.put("Tag", tag);
        r.put("Digest", digestOf(image, repo));
        r.put("ID", trunc ? Text.shortId(image.id()) : image.id());
        r.put("CreatedSince", HumanDuration.of(Duration.between(Instant.ofEpochSecond(image.created()), now)) + " ago");
        r.put("CreatedAt", Text.goTime(image.created()));
        r.put("Size", HumanSize.of(image.size(), 3));
        r.put("VirtualSize", HumanSize.of(image.size(), 3));
        r.put("SharedSize", image.sharedSize() < 0 ? "N/A" : HumanSize.of(image.sharedSize(), 3));
        r.put("UniqueSize", image.sharedSize() < 0 ? "N/A" : HumanSize.of(image.size() - image.sharedSize(), 3));
        r.put("Containers", image.containers() < 0 ? "N/A" : Long.toString(image.containers()));
        return r;
    }

    private static String digestOf(ImageSummary image, String repo) {
        if (image.repoDigests() != null) {
            for (String d : image.repoDigests()) {
                if (d.startsWith(repo + "@")) {
                    return d.substring(repo.length() + 1);
                }
            }
        }
        return NONE;
    }

    /** {@code repo:tag} split at the tag's colon (not a registry port's); no tag means "". */
    static String[] splitTag(String ref) {
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon > slash) {
            return new String[] {ref.substring(0, colon), ref.substring(colon + 1)};
        }
        return new String[] {ref, ""};
    }
}
