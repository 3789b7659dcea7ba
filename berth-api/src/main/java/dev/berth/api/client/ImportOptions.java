package dev.berth.api.client;

import java.util.List;

/**
 * {@code POST /images/create?fromSrc=-}: the tar becomes one layer of a new image named
 * {@code repo:tag} (both may be null), with {@code message} as its history comment and
 * {@code changes} as Dockerfile instructions applied to its config (CMD, ENV, ...).
 */
public record ImportOptions(String repo, String tag, String message, List<String> changes) {

    public ImportOptions {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
