package dev.berth.engine.reference;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.regex.Pattern;

/**
 * A normalised image reference: registry domain, repository path, and a tag and/or digest.
 * {@code busybox} is {@code docker.io/library/busybox:latest}; {@link #familiar()} gives back
 * the short form Docker prints ({@code busybox:latest}).
 *
 * @param domain registry host (with port), {@code docker.io} for Docker Hub
 * @param path   repository path inside the registry, lower case, {@code library/x} for official images
 * @param tag    the tag, or null when the reference names a digest only
 * @param digest the digest, or null
 */
public record ImageRef(String domain, String path, String tag, Digest digest) {

    public static final String DOCKER_HUB = "docker.io";
    public static final String DEFAULT_TAG = "latest";

    private static final String INVALID = "invalid reference format";
    private static final int NAME_TOTAL_MAX = 255;
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

    public ImageRef {
        if (domain == null || path == null) {
            throw new InvalidArgumentException(INVALID);
        }
    }

    /**
     * Parses and normalises a reference; a reference with neither tag nor digest gets
     * {@code :latest}. Throws {@link InvalidArgumentException} "invalid reference format".
     */
    public static ImageRef parse(String text) {
        ImageRef ref = parseName(text);
        return ref.tag == null && ref.digest == null ? ref.withTag(DEFAULT_TAG) : ref;
    }

    /** Like {@link #parse(String)} but leaves a reference without tag or digest as it is. */
    public static ImageRef parseName(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidArgumentException(INVALID);
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.parse(rest.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException(INVALID);
            }
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidArgumentException(INVALID);
            }
        }
        if (rest.isEmpty()) {
            throw new InvalidArgumentException(INVALID);
        }
        String domain;
        String path;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        boolean firstIsDomain = slash >= 0 && (first.contains(".") || first.contains(":")
                || first.equals("localhost") || !first.equals(first.toLowerCase(java.util.Locale.ROOT)));
        if (firstIsDomain) {
            domain = first;
            path = rest.substring(slash + 1);
            if (!DOMAIN.matcher(domain).matches()) {
                throw new InvalidArgumentException(INVALID);
            }
        } else {
            domain = DOCKER_HUB;
            path = rest;
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        if (domain.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
            path = "library/" + path;
        }
        if (!path.equals(path.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidArgumentException(INVALID + ": repository name (" + path + ") must be lowercase");
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw new InvalidArgumentException(INVALID);
            }
        }
        if (HEX64.matcher(rest).matches()) {
            throw new InvalidArgumentException("invalid repository name (" + rest
                    + "), cannot specify 64-byte hexadecimal strings");
        }
        if (domain.length() + 1 + path.length() > NAME_TOTAL_MAX) {
            throw new InvalidArgumentException(INVALID + ": repository name must not be more than "
                    + NAME_TOTAL_MAX + " characters");
        }
        return new ImageRef(domain, path, tag, digest);
    }

    /** Whether {@code text} parses as a reference. */
    public static boolean isValid(String text) {
        try {
            parseName(text);
            return true;
        } catch (InvalidArgumentException e) {
            return false;
        }
    }

    /** The repository name, {@code docker.io/library/busybox}. */
    public String name() {
        return domain + "/" + path;
    }

    /** The repository name as Docker prints it: {@code busybox}, {@code user/app}, {@code localhost:5000/x}. */
    public String familiarName() {
        if (!domain.equals(DOCKER_HUB)) {
            return name();
        }
        if (path.startsWith("library/") && path.indexOf('/', "library/".length()) < 0) {
            return path.substring("library/".length());
        }
        return path;
    }

    /** The short form Docker prints: {@code busybox:latest}, {@code localhost:5000/x:tag}. */
    public String familiar() {
        return familiarName() + suffix();
    }

    public ImageRef withTag(String newTag) {
        if (newTag == null || !TAG.matcher(newTag).matches()) {
            throw new InvalidArgumentException(INVALID);
        }
        return new ImageRef(domain, path, newTag, null);
    }

    public ImageRef withDigest(Digest newDigest) {
        return new ImageRef(domain, path, null, newDigest);
    }

    /** Whether this reference names a content digest ({@code name@sha256:...}). */
    public boolean isDigested() {
        return digest != null;
    }

    private String suffix() {
        return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    /** The full form: {@code docker.io/library/busybox:latest}. */
    @Override
    public String toString() {
        return name() + suffix();
    }
}
