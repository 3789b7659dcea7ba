package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.units.HumanSize;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows {@code docker images} prints for one {@code GET /images/json} item
 * ({@code imageFormat}): one per repository tag, or per tag and digest when digests are shown;
 * a dangling image is one row of {@code <none>}. Keys are in name order, all values strings.
 */
public final class ImageRows {

    /** Column titles by field name, for {@link OutputFormat#render}. */
    public static final Map<String, String> HEADERS = Map.of(
            "ID", "IMAGE ID", "Repository", "REPOSITORY", "Tag", "TAG", "Digest", "DIGEST",
            "CreatedSince", "CREATED", "CreatedAt", "CREATED AT", "Size", "SIZE",
            "Containers", "CONTAINERS", "SharedSize", "SHARED SIZE", "UniqueSize", "UNIQUE SIZE");

    private ImageRows() {
    }

    /**
     * The rows for {@code summary}.
     *
     * @param trunc        true unless {@code --no-trunc}: 12-character IDs without "sha256:"
     * @param digests      {@code --digests}: one row per digest, digest-only references shown
     * @param formatDigest the format shows {@code {{.Digest}}} (then tags carry their digests)
     */
    public static List<ObjectNode> of(JsonNode summary, boolean trunc, boolean digests, boolean formatDigest,
                                      Instant now, ZoneId zone) {
        List<ObjectNode> rows = new ArrayList<>();
        List<String> tags = texts(summary.path("RepoTags"));
        List<String> repoDigests = texts(summary.path("RepoDigests"));
        boolean dangling = (tags.isEmpty() && repoDigests.isEmpty())
                || (tags.equals(List.of("<none>:<none>")) && repoDigests.equals(List.of("<none>@<none>")));
        if (dangling) {
            rows.add(row(summary, "<none>", "<none>", "<none>", trunc, now, zone));
            return rows;
        }
        Map<String, List<String>> tagsByRepo = new LinkedHashMap<>();
        for (String ref : tags) {
            int slash = ref.lastIndexOf('/');
            int colon = ref.lastIndexOf(':');
            if (colon > slash && !ref.contains("@")) {
                tagsByRepo.computeIfAbsent(familiar(ref.substring(0, colon)), k -> new ArrayList<>()).add(ref.substring(colon + 1));
            }
        }
        Map<String, List<String>> digestsByRepo = new LinkedHashMap<>();
        for (String ref : repoDigests) {
            int at = ref.indexOf('@');
            if (at > 0) {
                String name = ref.substring(0, at);
                int slash = name.lastIndexOf('/');
                int colon = name.lastIndexOf(':');
                name = colon > slash ? name.substring(0, colon) : name;
                digestsByRepo.computeIfAbsent(familiar(name), k -> new ArrayList<>()).add(ref.substring(at + 1));
            }
        }
        boolean needDigest = digests || formatDigest;
        tagsByRepo.forEach((repo, repoTags) -> {
            List<String> repoDigestList = digestsByRepo.remove(repo);
            for (String tag : repoTags) {
                if (!needDigest || repoDigestList == null || repoDigestList.isEmpty()) {
                    rows.add(row(summary, repo, tag, "<none>", trunc, now, zone));
                } else {
                    repoDigestList.forEach(d -> rows.add(row(summary, repo, tag, d, trunc, now, zone)));
                }
            }
        });
        digestsByRepo.forEach((repo, list) -> {
            if (digests) {
                list.forEach(d -> rows.add(row(summary, repo, "<none>", d, trunc, now, zone)));
            } else {
                rows.add(row(summary, repo, "<none>", "", trunc, now, zone));
            }
        });
        return rows;
    }

    /** A reference's short form, as docker shows it: "docker.io/library/nginx" is "nginx". */
    static String familiar(String name) {
        for (String prefix : List.of("docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/")) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private static ObjectNode row(JsonNode summary, String repo, String tag, String digest, boolean trunc,
                                  Instant now, ZoneId zone) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        long containers = summary.path("Containers").asLong(-1);
        long size = summary.path("Size").asLong(0);
        long shared = summary.path("SharedSize").asLong(-1);
        long created = summary.path("Created").asLong(0);
        row.put("Containers", containers == -1 ? "N/A" : Long.toString(containers));
        row.put("CreatedAt", ContainerRows.createdAt(created, zone));
        row.put("CreatedSince", ContainerRows.ago(created, now));
        row.put("Digest", digest);
        String id = summary.path("Id").asText("");
        row.put("ID", trunc ? DisplayText.truncateId(id) : id);
        row.put("Repository", repo);
        row.put("SharedSize", shared == -1 ? "N/A" : HumanSize.of(shared));
        row.put("Size", HumanSize.of(size, 3));
        row.put("Tag", tag);
        row.put("UniqueSize", size == -1 || shared == -1 ? "N/A" : HumanSize.of(size - shared));
        return row;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
