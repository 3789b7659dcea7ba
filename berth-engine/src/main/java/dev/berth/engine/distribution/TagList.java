package dev.berth.engine.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v2/<name>/tags/list}: every tag of a repository, following the registry's
 * {@code Link: <...>; rel="next"} pages, in the order the registry lists them.
 */
final class TagList {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final int MAX_PAGE = 4 * 1024 * 1024;

    private TagList() {
    }

    static List<String> all(RegistryClient client) throws IOException {
        List<String> tags = new ArrayList<>();
        URI page = client.uri("tags/list");
        while (page != null) {
            URI current = page;
            HttpResponse<InputStream> res = client.expect(() -> HttpRequest.newBuilder(current).GET(),
                    "repository " + client.repository());
            JsonNode body;
            try (InputStream in = res.body()) {
                body = Manifests.JSON.readTree(in.readNBytes(MAX_PAGE));
            }
            body.path("tags").forEach(t -> tags.add(t.asText()));
            page = next(res.headers().firstValue("Link").orElse(null)).map(client::location).orElse(null);
        }
        return tags;
    }

    /** The next page of a {@code Link} header, if there is one. */
    static java.util.Optional<String> next(String link) {
        if (link == null) {
            return java.util.Optional.empty();
        }
        Matcher m = NEXT.matcher(link);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }
}
