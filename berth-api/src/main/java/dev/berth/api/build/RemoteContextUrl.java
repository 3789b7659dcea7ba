package dev.berth.api.build;

import java.util.regex.Pattern;

/**
 * How a build context given as a URL is told apart, by the rules dockerd and docker's CLI share:
 * a Git repository is a {@code git://}, {@code git@...} or {@code github.com/...} URL, or an
 * {@code http(s)://} URL ending in {@code .git} (before a {@code #ref:subdir} fragment); any other
 * {@code http(s)://} URL is a tar or a Dockerfile to download.
 */
public final class RemoteContextUrl {

    private static final Pattern GIT_PATH = Pattern.compile("\\.git(?:#.+)?$");

    private RemoteContextUrl() {
    }

    /** Whether {@code url} names a Git repository. */
    public static boolean isGit(String url) {
        return isHttp(url) && GIT_PATH.matcher(url).find()
                || url.startsWith("git://") || url.startsWith("github.com/") || url.startsWith("git@");
    }

    /** Whether {@code url} is an {@code http://} or {@code https://} URL. */
    public static boolean isHttp(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }
}
