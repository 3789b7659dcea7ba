package dev.berth.daemon.router;

import dev.berth.engine.error.InvalidArgumentException;

/**
 * The Engine API versions berthd answers: requests under {@code /v1.NN/} are accepted from
 * {@link #MIN} to {@link #MAX}, as dockerd 28.2 does; unversioned paths mean {@link #MAX}.
 */
public final class ApiVersion {

    /** What Docker 28.2 speaks; CLI 29.0 refuses servers below 1.44. */
    public static final String MAX = "1.50";
    public static final String MIN = "1.24";

    private ApiVersion() {
    }

    /** Refuses versions outside [MIN, MAX] with dockerd's wording; null (unversioned) passes. */
    public static void check(String requested) {
        if (requested == null) {
            return;
        }
        if (compare(requested, MIN) < 0) {
            throw new InvalidArgumentException("client version " + requested
                    + " is too old. Minimum supported API version is " + MIN
                    + ", please upgrade your client to a newer version");
        }
        if (compare(requested, MAX) > 0) {
            throw new InvalidArgumentException("client version " + requested
                    + " is too new. Maximum supported API version is " + MAX);
        }
    }

    /** Compares dotted versions numerically ("1.9" < "1.10"). */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? parse(x[i]) : 0;
            int yi = i < y.length ? parse(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid API version: " + part);
        }
    }
}
