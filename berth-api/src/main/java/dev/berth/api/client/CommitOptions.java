package dev.berth.api.client;

import java.util.List;

/**
 * {@code POST /commit}: the new image's {@code repo} and {@code tag} (both may be null), its
 * history {@code comment} and {@code author}, and {@code changes} as Dockerfile instructions
 * applied to its config (CMD, ENV, ...).
 */
public record CommitOptions(String repo, String tag, String comment, String author, List<String> changes,
                            boolean pause) {

    public CommitOptions {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
