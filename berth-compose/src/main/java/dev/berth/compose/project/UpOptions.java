package dev.berth.compose.project;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code up} and {@code create} that convergence reads.
 *
 * @param services      the services named on the command line; empty for all
 * @param noDeps        do not bring up the named services' dependencies
 * @param forceRecreate recreate every container, changed or not
 * @param noRecreate    keep existing containers even when their configuration changed
 * @param build         build images before starting, even when present
 * @param noBuild       never build, even when an image is missing
 * @param removeOrphans remove containers of services no longer in the file
 * @param scale         replicas per service, over the file's
 * @param start         start the containers (false for {@code create})
 * @param timeout       stop timeout for containers taken down, or null for their own
 * @param waitTimeout   how long depends_on conditions may take
 */
public record UpOptions(List<String> services, boolean noDeps, boolean forceRecreate, boolean noRecreate,
        boolean build, boolean noBuild, boolean removeOrphans, Map<String, Integer> scale, boolean start,
        Duration timeout, Duration waitTimeout) {

    public UpOptions {
        services = services == null ? List.of() : List.copyOf(services);
        scale = scale == null ? Map.of() : Map.copyOf(scale);
        waitTimeout = waitTimeout == null ? Duration.ofMinutes(5) : waitTimeout;
        if (forceRecreate && noRecreate) {
            throw new IllegalArgumentException("--force-recreate and --no-recreate are incompatible");
        }
    }

    /** {@code up} of everything with compose's defaults. */
    public static UpOptions defaults() {
        return new UpOptions(List.of(), false, false, false, false, false, false, Map.of(), true, null, null);
    }
}
