package dev.berth.api.client;

/** An Engine API version such as 1.50; compares numerically, so 1.9 is older than 1.10. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** The newest version this client speaks (Docker 28.2's). */
    public static final ApiVersion CURRENT = new ApiVersion(1, 50);

    /** What a daemon without an Api-Version header is assumed to speak, as docker's client does. */
    public static final ApiVersion FALLBACK = new ApiVersion(1, 24);

    public static ApiVersion parse(String text) {
        String t = text.strip();
        if (t.startsWith("v")) {
            t = t.substring(1);
        }
        int dot = t.indexOf('.');
        try {
            if (dot < 0) {
                return new ApiVersion(Integer.parseInt(t), 0);
            }
            return new ApiVersion(Integer.parseInt(t.substring(0, dot)), Integer.parseInt(t.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an API version: " + text, e);
        }
    }

    public static ApiVersion min(ApiVersion a, ApiVersion b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    public boolean isOlderThan(ApiVersion o) {
        return compareTo(o) < 0;
    }

    /** The path prefix all versioned requests carry, e.g. {@code /v1.50}. */
    public String pathPrefix() {
        return "/v" + this;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
