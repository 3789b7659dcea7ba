package dev.berth.compose.project;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * docker compose v2's names: containers {@code <project>-<service>-<n>}, one-off containers
 * {@code <project>-<service>-run-<slug12>}, networks and volumes {@code <project>_<key>} unless
 * the file names them.
 */
public final class ResourceNames {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ResourceNames() {
    }

    public static String container(String project, String service, int number) {
        return project + "-" + service + "-" + number;
    }

    /** A new one-off slug: 64 hex digits, as compose's (only the first 12 show in the name). */
    public static String newSlug() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String oneOff(String project, String service, String slug) {
        return project + "-" + service + "-run-" + slug.substring(0, Math.min(12, slug.length()));
    }

    /** A network or volume of the project: its explicit {@code name:} when given, else project_key. */
    public static String scoped(String project, String key, String explicitName) {
        return explicitName != null && !explicitName.isEmpty() ? explicitName : project + "_" + key;
    }

    /** The container-number label's value, or -1 when absent or not a number. */
    public static int number(String label) {
        if (label == null) {
            return -1;
        }
        try {
            return Integer.parseInt(label);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The {@code count} lowest numbers from 1 not taken by {@code taken}: what scaling up
     * gives new replicas, so that gaps left by removed containers are filled first.
     */
    public static Set<Integer> free(Collection<Integer> taken, int count) {
        Set<Integer> out = new TreeSet<>();
        for (int n = 1; out.size() < count; n++) {
            if (!taken.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** docker's container name without the leading slash of the API's {@code Names}. */
    public static String bare(String apiName) {
        return apiName != null && apiName.startsWith("/") ? apiName.substring(1) : apiName;
    }
}
