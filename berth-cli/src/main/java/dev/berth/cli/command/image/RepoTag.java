package dev.berth.cli.command.image;

/**
 * A {@code repository[:tag]} argument split at the tag's colon, not a registry port's
 * ({@code localhost:5000/app} has no tag); {@code tag} is "" when none is given.
 */
record RepoTag(String repository, String tag) {

    static RepoTag parse(String reference) {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        if (colon > slash) {
            return new RepoTag(reference.substring(0, colon), reference.substring(colon + 1));
        }
        return new RepoTag(reference, "");
    }
}
