package dev.berth.engine.containers;

/**
 * A container's lifecycle state, as dockerd names it in {@code State.Status}. One value,
 * never several booleans: the API's Running/Paused/... flags are derived from it.
 *
 * <pre>
 *   created --start--> running --exit/stop/kill--> exited --start--> running
 *      \________________________ rm ______________________/--> (gone)
 * </pre>
 */
public enum ContainerStatus {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD;

    /** The word dockerd uses ({@code "created"}, {@code "running"}, ...). */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isActive() {
        return this == RUNNING || this == PAUSED || this == RESTARTING;
    }
}
