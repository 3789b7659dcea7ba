package dev.berth.compose.model;

/**
 * What {@code compose watch} does when a file under a watch rule's path changes, as the
 * Compose Develop Specification names it.
 */
public enum WatchAction {
    /** Copy the changed files into the running containers at the rule's target. */
    SYNC("sync"),
    /** Build the service's image again and recreate its containers. */
    REBUILD("rebuild"),
    /** Sync, then restart the containers. */
    SYNC_RESTART("sync+restart"),
    /** Sync, then run the rule's {@code exec} command in each container. */
    SYNC_EXEC("sync+exec"),
    /** Restart the containers. */
    RESTART("restart");

    private final String wireName;

    WatchAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the action copies files into the containers (and so needs a target). */
    public boolean syncs() {
        return this == SYNC || this == SYNC_RESTART || this == SYNC_EXEC;
    }

    /** The action of {@code name} ("sync+restart"); IllegalArgumentException for another word. */
    public static WatchAction fromWireName(String name) {
        for (WatchAction a : values()) {
            if (a.wireName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown watch action " + name);
    }
}
