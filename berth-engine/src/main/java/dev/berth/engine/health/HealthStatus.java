package dev.berth.engine.health;

import java.util.Locale;

/** A container's health as dockerd names it in {@code State.Health.Status}. */
public enum HealthStatus {
    STARTING, HEALTHY, UNHEALTHY;

    /** "starting", "healthy", "unhealthy". */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code text}; unknown words read as unhealthy (moby treats "" so). */
    public static HealthStatus parse(String text) {
        for (HealthStatus s : values()) {
            if (s.apiName().equals(text)) {
                return s;
            }
        }
        return UNHEALTHY;
    }
}
