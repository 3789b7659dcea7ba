package dev.berth.compose.model;

/** When a dependency counts as ready ({@code depends_on.<svc>.condition}). */
public enum DependencyCondition {
    /** The dependency's containers have been started (the list syntax's meaning). */
    SERVICE_STARTED("service_started"),
    /** The dependency's healthcheck reports healthy. */
    SERVICE_HEALTHY("service_healthy"),
    /** The dependency ran to completion with exit code 0. */
    SERVICE_COMPLETED_SUCCESSFULLY("service_completed_successfully");

    private final String wireName;

    DependencyCondition(String wireName) {
        this.wireName = wireName;
    }

    /** The name as written in a compose file. */
    public String wireName() {
        return wireName;
    }

    /** The condition spelled {@code name}, or null when compose has no such condition. */
    public static DependencyCondition fromWireName(String name) {
        for (DependencyCondition c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
