package dev.berth.api.client;

/** When {@code POST /containers/{id}/wait} answers. */
public enum WaitCondition {
    /** At once if the container is not running, else when it stops (the daemon's default). */
    NOT_RUNNING("not-running"),
    /** The next time it exits, even if it is not running now: what run uses before start. */
    NEXT_EXIT("next-exit"),
    /** When it has been removed: run --rm. */
    REMOVED("removed");

    private final String wire;

    WaitCondition(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
