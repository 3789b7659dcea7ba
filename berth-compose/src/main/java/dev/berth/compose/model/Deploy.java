package dev.berth.compose.model;

import java.time.Duration;
import java.util.Map;

/**
 * A service's {@code deploy} section, the parts a single engine honours.
 *
 * @param mode          "replicated" (default) or "global"
 * @param replicas      the number of containers, or null when unset
 * @param labels        labels on the service (not on its containers)
 * @param resources     limits and reservations, never null
 * @param restartPolicy the restart policy, or null when unset
 */
public record Deploy(String mode, Integer replicas, Map<String, String> labels, Resources resources, RestartPolicy restartPolicy) {

    public Deploy {
        labels = Copies.map(labels);
        resources = resources == null ? Resources.NONE : resources;
    }

    /** {@code deploy.resources}: both sides never null. */
    public record Resources(ResourceSpec limits, ResourceSpec reservations) {
        public static final Resources NONE = new Resources(ResourceSpec.NONE, ResourceSpec.NONE);

        public Resources {
            limits = limits == null ? ResourceSpec.NONE : limits;
            reservations = reservations == null ? ResourceSpec.NONE : reservations;
        }
    }

    /**
     * One side of {@code deploy.resources}; null fields are unset.
     *
     * @param cpus   CPUs as a fraction ("0.5" is half a CPU)
     * @param memory bytes
     * @param pids   maximum number of processes (limits only)
     */
    public record ResourceSpec(Double cpus, Long memory, Long pids) {
        public static final ResourceSpec NONE = new ResourceSpec(null, null, null);
    }

    /**
     * {@code deploy.restart_policy}.
     *
     * @param condition   "none", "on-failure" or "any"
     * @param delay       time between restarts, or null
     * @param maxAttempts attempts before giving up, or null for unlimited
     * @param window      how long to wait before deciding a restart succeeded, or null
     */
    public record RestartPolicy(String condition, Duration delay, Integer maxAttempts, Duration window) {}
}
