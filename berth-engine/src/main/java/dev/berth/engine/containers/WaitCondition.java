package dev.berth.engine.containers;

import dev.berth.engine.error.InvalidArgumentException;

/** What {@code POST /containers/{id}/wait} waits for, as dockerd's {@code condition}. */
public enum WaitCondition {
    /** Returns at once if the container is not running, else at its exit (the default). */
    NOT_RUNNING,
    /** Returns at the next exit, even if it is not running now. */
    NEXT_EXIT,
    /** Returns when the container has been removed. */
    REMOVED;

    public static WaitCondition parse(String text) {
        if (text == null || text.isEmpty() || text.equals("not-running")) {
            return NOT_RUNNING;
        }
        return switch (text) {
            case "next-exit" -> NEXT_EXIT;
            case "removed" -> REMOVED;
            default -> throw new InvalidArgumentException("invalid condition: \"" + text + "\"");
        };
    }
}
