package dev.berth.compose.loader;

import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.DependencyCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services a service needs although its {@code depends_on} does not name them, as docker
 * compose infers them: the one whose namespace it shares ({@code network_mode}, {@code pid},
 * {@code ipc} as {@code service:NAME}), the ones it takes volumes from ({@code volumes_from}
 * other than {@code container:}) and the ones it links to. Each must be started first and is
 * selected with it; the network donor also restarts it when recreated, since a new donor
 * leaves it without a network. An explicit {@code depends_on} entry wins.
 */
final class ImpliedDependencies {

    private static final String SERVICE = "service:";
    private static final String CONTAINER = "container:";
    private static final Dependency SHARED_NETWORK = new Dependency(DependencyCondition.SERVICE_STARTED, true, true);

    private ImpliedDependencies() {
    }

    /** {@code explicit} with the implied dependencies added after it. */
    static Map<String, Dependency> of(Map<String, Dependency> explicit, String networkMode, String pid, String ipc,
            List<String> volumesFrom, List<String> links) {
        Map<String, Dependency> all = new LinkedHashMap<>(explicit);
        donor(networkMode).ifPresent(s -> all.putIfAbsent(s, SHARED_NETWORK));
        donor(pid).ifPresent(s -> all.putIfAbsent(s, Dependency.STARTED));
        donor(ipc).ifPresent(s -> all.putIfAbsent(s, Dependency.STARTED));
        for (String v : volumesFrom) {
            if (!v.startsWith(CONTAINER)) {
                String spec = v.startsWith(SERVICE) ? v.substring(SERVICE.length()) : v;
                all.putIfAbsent(beforeColon(spec), Dependency.STARTED);
            }
        }
        for (String link : links) {
            all.putIfAbsent(beforeColon(link), Dependency.STARTED);
        }
        return all;
    }

    /** The service named by a {@code service:NAME} namespace mode. */
    static Optional<String> donor(String mode) {
        return mode != null && mode.startsWith(SERVICE) ? Optional.of(mode.substring(SERVICE.length())) : Optional.empty();
    }

    private static String beforeColon(String s) {
        int colon = s.indexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }
}
