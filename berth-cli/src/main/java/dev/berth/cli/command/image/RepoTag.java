package dev.berth.cli.command.image;

/**
 * A {@code repository[:tag]} argument split at the tag's colon, not a registry port's
 * ({@code localhost:5000/app} has no tag); {@code tag} is "" when none is given.
 */
public record RepoTag(String repository, String tag) {

    public static RepoTag parse(String reference) {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        if (colon > slash) {
            return new RepoTag(reference.substring(0, colon), reference.substring(colon + 1));
        }
        return new RepoTag(reference, "");
    }

    /** An optional {@code [REPOSITORY[:TAG]]} argument: both parts null when it is absent. */
    public static RepoTag parseOptional(String reference) {
        return reference == null ? new RepoTag(null, "") : parse(reference);
    }

    /** The tag as the API's {@code tag} query wants it: null when none was given. */
    public String tagOrNull() {
        return tag.isEmpty() ? null : tag;
    }
}
