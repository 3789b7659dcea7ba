package dev.berth.engine.volumes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A volume of the local driver.
 *
 * @param name       the volume's name; anonymous volumes get 64 random hex digits
 * @param mountpoint the host directory mounted into containers ({@code volumes/<name>/_data})
 * @param labels     user labels; anonymous volumes carry {@link #ANONYMOUS_LABEL}
 * @param options    the local driver's options (type, device, o), empty for a plain directory
 */
public record Volume(String name, String driver, Path mountpoint, Instant createdAt, Map<String, String> labels,
        Map<String, String> options) {

    /** The label dockerd (23+) puts on anonymous volumes; prune without {@code all} removes only these. */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";
    public static final String LOCAL_DRIVER = "local";

    private static final Pattern VALID_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$");

    public Volume {
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
    }

    public boolean isAnonymous() {
        return labels.containsKey(ANONYMOUS_LABEL);
    }

    /** Whether {@code name} is a volume name dockerd accepts (at least two characters). */
    public static boolean isValidName(String name) {
        return name != null && VALID_NAME.matcher(name).matches();
    }
}
